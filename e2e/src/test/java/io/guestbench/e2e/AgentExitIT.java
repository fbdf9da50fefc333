package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.common.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The real agent with a finite plan exits as soon as the collector has acknowledged everything: its
 * stop grace (5 s) bounds what is still in flight, it is not a wait of its own.
 */
class AgentExitIT extends RealProcessTest {
  private final Clock clock = Clock.system();

  @Test
  void aOneRoundPlanExitsPromptlyAfterItsLastAck() throws Exception {
    CollectorProcess collector = CollectorProcess.start(runner, dir);
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        """
        collector: {address: "127.0.0.1:1", plaintext: true}
        imds: {enabled: false}
        plan: {rounds: 1, probes: [{probe: cpu.compute, warmup: 0s, iterations: 2}]}
        """);
    Process agent =
        runner.start("agent", ProcessRunner.agentRun(config, collector.grpcPort, "exit-it"));

    // printed right after the last ack; polled every 100 ms
    Poll.until(
        "the agent's last ack", 60, () -> runner.err("agent").contains("collector stored 1"));
    long acked = clock.monotonicNanos();
    ProcessRunner.Finished finished = runner.await("agent", agent, 30);
    Duration afterAck = Duration.ofNanos(clock.monotonicNanos() - acked);

    assertThat(finished.exit()).as("agent stderr: %s", finished.err()).isZero();
    assertThat(afterAck)
        .as("from the last ack to the agent's exit (its stop grace is 5 s)")
        .isLessThan(Duration.ofSeconds(2));
    assertThat(collector.terminate(20)).isZero();
  }
}
