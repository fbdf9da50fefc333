package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad input at the command line: one line, the right exit code, never a hang. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CliIT extends RealProcessTest {
  @Test
  void unknownFlagIsAUsageErrorWithExitCode2() throws Exception {
    var agent =
        runner.run(
            "agent",
            30,
            ProcessRunner.jar("guestbench.agent.jar", "run", "--config", "agent.yaml", "--bogus"));
    assertThat(agent.exit()).isEqualTo(2);
    assertThat(agent.err().strip().lines()).hasSize(1);
    assertThat(agent.err()).contains("--bogus");

    var collector =
        runner.run(
            "collector",
            30,
            ProcessRunner.jar("guestbench.collector.jar", "serve", "--grpc-port", "x"));
    assertThat(collector.exit()).isEqualTo(2);
    assertThat(collector.err().strip().lines()).hasSize(1);
  }

  @Test
  void validateListsEveryProblemWithoutAStackTrace() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(
        config,
        "agent: {idd: x}\ncollector: {address: nowhere}\nplan: {probes: [{probe: cpu.compute, kernel: gpu}]}\n");
    var result =
        runner.run(
            "validate",
            30,
            ProcessRunner.jar("guestbench.agent.jar", "validate", "--config", config.toString()));
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("agent.idd: unknown key")
        .contains("collector.address: nowhere")
        .contains("plan.probes[0].kernel: gpu")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void unreachableCollectorEndsWithOneLineAfterTheAckTimeout() throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        """
        collector: {address: "127.0.0.1:1", plaintext: true, reconnect_initial: 50ms, reconnect_max: 200ms}
        imds: {enabled: false}
        plan: {rounds: 1, probes: [{probe: cpu.compute, warmup: 0s, iterations: 2}]}
        """);
    var result =
        runner.run(
            "agent",
            60,
            ProcessRunner.jar(
                "guestbench.agent.jar",
                "run",
                "--config",
                config.toString(),
                "--ack-timeout",
                "2s",
                "--spool-dir",
                dir.resolve("spool").toString()));
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err())
        .contains("collector did not acknowledge 1 results within 2s")
        .contains("UNAVAILABLE");
    assertThat(result.err()).doesNotContain("\tat ");
  }

  @Test
  void aRepeatingAgentStopsCleanlyOnSigterm() throws Exception {
    CollectorProcess collector = CollectorProcess.start(runner, dir);
    Path config = dir.resolve("forever.yaml");
    Files.writeString(
        config,
        """
        collector: {address: "127.0.0.1:%d", plaintext: true}
        imds: {enabled: false}
        plan: {rounds: 0, interval: 100ms, probes: [{probe: cpu.compute, warmup: 0s, iterations: 2}]}
        """
            .formatted(collector.grpcPort));
    Process agent =
        runner.start(
            "forever",
            ProcessRunner.jar(
                "guestbench.agent.jar",
                "run",
                "--config",
                config.toString(),
                "--spool-dir",
                dir.resolve("spool").toString()));
    Poll.until("a few results printed", 30, () -> runner.out("forever").lines().count() >= 3);
    agent.destroy();
    assertThat(agent.waitFor(15, TimeUnit.SECONDS))
        .as("agent stops within 15 s of SIGTERM")
        .isTrue();
    assertThat(agent.exitValue()).isZero();
    assertThat(runner.err("forever")).doesNotContain("\tat ");
    assertThat(collector.terminate(20)).isZero();
  }
}
