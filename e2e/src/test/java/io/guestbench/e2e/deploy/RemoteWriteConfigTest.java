package io.guestbench.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The remote_write settings for the global view (Thanos Receive, Mimir) pass promtool. */
class RemoteWriteConfigTest {
  private static final Path DIR = DeployFiles.path("kubernetes/remote-write");

  @Test
  void thanosReceive() throws Exception {
    assertThat(check("thanos-receive.yml")).contains("SUCCESS");
  }

  @Test
  void mimir() throws Exception {
    assertThat(check("mimir.yml")).contains("SUCCESS");
  }

  private static String check(String file) throws Exception {
    Process p =
        new ProcessBuilder("promtool", "check", "config", file)
            .directory(DIR.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(DeployFiles.yaml(DIR.resolve(file)).at("/remote_write/0/url").asText())
        .startsWith("http");
    return out;
  }
}
