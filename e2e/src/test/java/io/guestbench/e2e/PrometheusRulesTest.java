package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped Prometheus files pass Prometheus's own checks: the scrape configuration, the
 * recording and alerting rules, and the rules' unit tests (deploy/prometheus/*.test.yml).
 */
class PrometheusRulesTest {
  private static final Path DIR =
      Path.of("..", "deploy", "prometheus").toAbsolutePath().normalize();

  @Test
  void scrapeConfigIsValid() throws Exception {
    assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS");
  }

  @Test
  void rulesAreValid() throws Exception {
    assertThat(promtool("check", "rules", "guestbench-rules.yml")).contains("SUCCESS");
  }

  @Test
  void rulesPassTheirUnitTests() throws Exception {
    assertThat(promtool("test", "rules", "guestbench-rules.test.yml")).contains("SUCCESS");
  }

  /** Runs promtool in deploy/prometheus; fails with its output unless it exits 0. */
  private static String promtool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
