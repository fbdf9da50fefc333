package io.guestbench.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestbench.agent.AgentMain;
import io.guestbench.agent.host.HostFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OsCommandTest {
  private static final String[] TINY = {
    "--warmup", "0s", "--repetition", "2ms", "--min-repetitions", "2", "--max-repetitions", "2"
  };

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void jsonHasTheTimerCheckAndEveryClock() throws Exception {
    int code = execute(false, "clock_read", "--json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.path("command").asText()).isEqualTo("os");
    assertThat(root.path("timer").path("clocks")).hasSize(6);
    assertThat(root.path("timer").path("clocksource").asText()).isEqualTo("kvm-clock");
    assertThat(root.path("timer").path("syscall_fallback").isBoolean()).isTrue();
    JsonNode results = root.path("results");
    assertThat(results).hasSize(6);
    for (JsonNode r : results) {
      assertThat(r.path("probe").asText()).isEqualTo("os.clock_read");
      assertThat(r.path("status").asText()).isEqualTo("OK");
      assertThat(r.path("read_nanos").path("p50").asDouble()).isPositive();
    }
    assertThat(results.get(0).path("params").path("clock").asText()).isEqualTo("nanotime");
  }

  @Test
  void tableWithOneClockChosenByParameter() {
    int code =
        execute(true, "clock_read", "syscall", "spawn", "-p", "clock_read.clock=monotonic_coarse");

    assertThat(code).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.getFirst()).contains("clock", "read", "step");
    assertThat(lines).anyMatch(l -> l.startsWith("syscall fallback: "));
    assertThat(lines).anyMatch(l -> l.matches("os.clock_read +clock=monotonic_coarse .*"));
    assertThat(lines).anyMatch(l -> l.startsWith("os.syscall "));
    assertThat(lines).anyMatch(l -> l.startsWith("os.spawn "));
    assertThat(err.toString())
        .contains("os: timer check: nanotime")
        .contains("os: syscall: measuring");
  }

  @Test
  void problemsAreListedOnceWithTheirOptionNames() {
    int code =
        execute(false, "syscall", "spawn", "--cov-percent", "500", "-p", "spawn.x=1", "-p", "bad");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "os: -p: bad (expected: NAME.KEY=VALUE); --cov-percent: 500 (expected: 0.1..100.0);"
                + " -p spawn.x: 1 (expected: one of the keys warmup, repetition, min_repetitions,"
                + " max_repetitions, cov_percent)");
  }

  @Test
  void aMissingHostRootIsAUsageError() {
    assertThat(execute(false, "--host-root", "/no/such/dir")).isEqualTo(2);
    assertThat(err.toString()).contains("--host-root: /no/such/dir is not a directory");
  }

  private int execute(boolean interactive, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(TINY));
    if (!all.contains("--host-root")) {
      all.addAll(List.of("--host-root", HostFixtures.root("kvm").toString()));
    }
    CommandLine cmd = new CommandLine(new OsCommand(AgentMain::assemble, () -> interactive));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(all.toArray(String[]::new));
  }
}
