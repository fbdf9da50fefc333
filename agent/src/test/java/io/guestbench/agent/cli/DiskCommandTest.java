package io.guestbench.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestbench.agent.host.HostFixtures;
import io.guestbench.testing.ManualClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiskCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void jsonIsFioShapedAndTheScratchFileIsGone() throws IOException {
    int code = execute(false, small("--rw", "randread", "--json"));

    assertThat(code).as(err.toString()).isZero();
    JsonNode job = new ObjectMapper().readTree(out.toString()).path("jobs").get(0);
    assertThat(job.at("/read/iops").asDouble()).isPositive();
    assertThat(job.at("/read/clat_ns/percentile/99.000000").asLong()).isPositive();
    assertThat(job.at("/job options/bs").asText()).isEqualTo("4096");
    assertThat(job.at("/guestbench/setup").asText()).contains("laid out 4.00 MiB");
    assertThat(job.path("error").asInt()).isZero();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aTableWithProgressOnAnInteractiveTerminal() {
    int code = execute(true, small("--rw", "randwrite", "--fdatasync", "2"));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString().lines().toList())
        .first()
        .asString()
        .startsWith("disk.job rw=randwrite bs=4k size=4M iodepth=1");
    assertThat(out.toString()).contains("write ").contains("fdatasync");
    assertThat(err.toString()).contains("disk: created " + dir).contains("laid out");
  }

  @Test
  void badFlagsAreOneLineNamingEachFlag() {
    int code = execute(false, "--bs", "4x", "--iodepth", "32", "--runtime", "2d");

    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            "disk: --bs: 4x (expected: 512..64M); --runtime: 2d (expected: 100ms..1h);"
                + " --iodepth: 32 (expected: 1 with engine sync; a queue needs engine aio)");
  }

  @Test
  void refusalsAreOneLineWithExitCodeTwoAndTouchNothing() throws IOException {
    Path file = Files.write(dir.resolve("precious"), new byte[4096]);

    int code = execute(false, "--filename", file.toString(), "--size", "4k", "--rw", "write");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "disk: --filename: "
                + file
                + " already exists (expected: a new path, or"
                + " --allow-existing to use it (its first 4.00 KiB are overwritten))");
    assertThat(Files.readAllBytes(file)).containsOnly(0);
  }

  private String[] small(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--size",
                "4m",
                "--runtime",
                "300ms",
                "--directory",
                dir.toString(),
                "--host-root",
                HostFixtures.root("xen-hvm").toString()));
    if (isTmpfs(dir)) {
      args.addAll(List.of("--direct", "0"));
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static boolean isTmpfs(Path dir) {
    try {
      return Files.getFileStore(dir).type().equals("tmpfs");
    } catch (IOException e) {
      return false;
    }
  }

  private int execute(boolean interactive, String... args) {
    CommandLine cmd = new CommandLine(new DiskCommand(new ManualClock(0), () -> interactive));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }
}
