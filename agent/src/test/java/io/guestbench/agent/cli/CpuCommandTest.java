package io.guestbench.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestbench.agent.AgentMain;
import io.guestbench.agent.host.HostFixtures;
import io.guestbench.testing.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CpuCommandTest {
  private static final String[] SMALL = {
    "compute",
    "--warmup",
    "0s",
    "--iterations",
    "3",
    "--ops-per-iteration",
    "5000",
    "--host-root",
    HostFixtures.root("xen-hvm").toString()
  };

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void jsonHasTheFiguresForBothKernels() throws Exception {
    int code = execute(false, concat(SMALL, "--json"));

    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.path("command").asText()).isEqualTo("cpu");
    assertThat(root.path("results")).hasSize(2);
    for (JsonNode r : root.path("results")) {
      assertThat(r.path("status").asText()).isEqualTo("OK");
      assertThat(r.path("ops_per_second").asDouble()).isPositive();
      assertThat(r.path("iteration_nanos").path("count").asLong()).isEqualTo(3);
      for (String field : new String[] {"sum", "min", "p50", "p90", "p99", "max"}) {
        assertThat(r.path("iteration_nanos").path(field).asLong()).as(field).isPositive();
      }
      assertThat(r.path("params").path("iterations").asText()).isEqualTo("3");
      assertThat(r.path("params").path("checksum").asText()).isNotEmpty();
      assertThat(r.path("steal_ratio").isNull()).isTrue(); // a static fixture: no time passed
    }
    assertThat(root.path("results").get(0).path("kernel").asText()).isEqualTo("int");
    assertThat(root.path("results").get(1).path("kernel").asText()).isEqualTo("fp");
  }

  @Test
  void tableByDefaultWithProgressOnlyWhenInteractive() {
    assertThat(execute(true, concat(SMALL, "--kernel", "fp"))).isZero();

    assertThat(out.toString().lines())
        .hasSize(2)
        .first()
        .satisfies(h -> assertThat(h).contains("kernel", "ops/s", "p50", "p99", "steal"));
    assertThat(out.toString().lines().skip(1).findFirst().orElseThrow())
        .startsWith("fp ")
        .endsWith("n/a");
    assertThat(err.toString()).contains("cpu: fp: measuring 3 iterations");
  }

  @Test
  void theMemoryProbesRunByNameWithTheirOwnParameters() throws Exception {
    int code =
        execute(
            false,
            "mem_bandwidth",
            "mem_latency",
            "--json",
            "--warmup",
            "0s",
            "--repetition",
            "2ms",
            "--min-repetitions",
            "2",
            "--max-repetitions",
            "2",
            "-p",
            "mem_bandwidth.array_bytes=1048576",
            "-p",
            "mem_latency.buffer_bytes=1048576",
            "--host-root",
            HostFixtures.root("kvm").toString());

    assertThat(code).as(err.toString()).isZero();
    JsonNode results = new ObjectMapper().readTree(out.toString()).path("results");
    assertThat(results).hasSize(3); // copy and triad, then the chase
    assertThat(results.get(0).path("probe").asText()).isEqualTo("cpu.mem_bandwidth");
    assertThat(results.get(0).path("params").path("kernel").asText()).isEqualTo("copy");
    assertThat(results.get(1).path("params").path("kernel").asText()).isEqualTo("triad");
    assertThat(results.get(2).path("scalars").path("load_seconds").asDouble()).isPositive();
    assertThat(results.get(2).path("load_nanos").path("count").asLong()).isPositive();
  }

  @Test
  void memoryProblemsNameTheirOptions() {
    int code =
        execute(false, "mem_latency", "--cov-percent", "0", "-p", "mem_latency.buffer_bytes=7");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "cpu: -p mem_latency.buffer_bytes: 7 (expected: 0 (sized from the cache) or a multiple"
                + " of 64 from 1048576); --cov-percent: 0 (expected: 0.1..100.0)"
                + System.lineSeparator());
  }

  @Test
  void anUnknownNameIsAProblem() {
    assertThat(execute(false, "gpu")).isEqualTo(2);
    assertThat(err.toString()).contains("NAME: gpu (expected: mem_bandwidth, mem_latency)");
  }

  @Test
  void badKernelIsExitCodeTwoWithOneLine() {
    int code = execute(false, "--kernel", "x");

    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo("cpu: --kernel: x (expected: int, fp or both)" + System.lineSeparator());
  }

  @Test
  void badOptionsAreAllReportedByTheirOptionNames() {
    int code = execute(false, "--iterations", "0", "--ops-per-iteration", "1", "--warmup", "soon");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "cpu: --warmup: soon (expected: 0s..1m); --iterations: 0 (expected: 1..100000); "
                + "--ops-per-iteration: 1 (expected: 1000..10000000000)");
  }

  private int execute(boolean interactive, String... args) {
    CommandLine cmd =
        new CommandLine(new CpuCommand(new ManualClock(0), AgentMain::assemble, () -> interactive));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
