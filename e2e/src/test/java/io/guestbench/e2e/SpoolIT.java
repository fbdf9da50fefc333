package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real agent binary keeps what the collector has not acknowledged in its spool: a run that
 * could not reach the collector leaves its result behind, and the next run with the same spool
 * delivers it under the same epoch, next to its own.
 */
class SpoolIT extends RealProcessTest {

  private ProcessRunner.Finished run(String name, Path config, String collector, String ackWait)
      throws Exception {
    return runner.run(
        name,
        90,
        ProcessRunner.jar(
            "guestbench.agent.jar",
            "run",
            "--config",
            config.toString(),
            "--collector",
            collector,
            "--agent-id",
            "spool-it",
            "--ack-timeout",
            ackWait,
            "--spool-dir",
            dir.resolve("spool").toString()));
  }

  @Test
  void aResultTheCollectorNeverSawIsDeliveredByTheNextRun() throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        """
        collector: {address: "127.0.0.1:1", plaintext: true, reconnect_initial: 50ms, reconnect_max: 200ms}
        imds: {enabled: false}
        plan: {rounds: 1, probes: [{probe: cpu.compute, warmup: 0s, iterations: 2}]}
        """);
    ProcessRunner.Finished first = run("first", config, "127.0.0.1:1", "2s");
    assertThat(first.exit()).as("first stderr: %s", first.err()).isEqualTo(1);
    assertThat(first.err()).contains("collector did not acknowledge 1 results");
    String epoch = epochOf(first.err());

    CollectorProcess collector = CollectorProcess.start(runner, dir);
    ProcessRunner.Finished second = run("second", config, "127.0.0.1:" + collector.grpcPort, "30s");
    assertThat(second.exit()).as("second stderr: %s", second.err()).isZero();
    assertThat(second.err())
        .contains("epoch " + epoch + ", 1 results recovered")
        .contains("collector stored 2 results");
    String metrics = Http.get("http://127.0.0.1:" + collector.httpPort + "/metrics").body();
    assertThat(sample(metrics, "guestbench_collector_results_stored_total")).isEqualTo(2);
    assertThat(collector.terminate(20)).isZero();
  }

  private static String epochOf(String err) {
    int at = err.indexOf(", epoch ");
    assertThat(at).as("epoch line in: %s", err).isPositive();
    return err.substring(at + 8, err.indexOf(',', at + 8));
  }

  private static double sample(String metrics, String name) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
