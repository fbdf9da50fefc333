package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real binaries with TLS: agents authenticated by client certificate and by token deliver their
 * results; a token used for another agent id is refused; secrets never reach the output.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecureStreamIT extends RealProcessTest {
  private static final String TOKEN_B = "tok-agent-b-5f2c9a7e1d";
  private TestPki pki;
  private CollectorProcess collector;

  @BeforeEach
  void startCollector() throws Exception {
    pki = TestPki.create(dir, "ops");
    TestPki.Issued server = pki.server();
    Path tokens = secret("tokens", "agent-b " + TOKEN_B + "\n");
    Path config = dir.resolve("collector.yaml");
    Files.writeString(
        config,
        """
        server:
          tls: {cert_file: %s, key_file: %s, client_ca_file: %s}
        auth: {tokens_file: %s}
        """
            .formatted(server.certFile(), server.keyFile(), pki.caFile(), tokens));
    collector = CollectorProcess.withConfig(runner, dir, config);
  }

  @Test
  void certificateAndTokenAgentsDeliverAndAWrongClaimIsRefused() throws Exception {
    TestPki.Issued cert = pki.client("agent-a");
    Path token = secret("agent-b.token", TOKEN_B + "\n");
    var a =
        runAgent(
            "agent-a",
            "tls: {ca_file: %s, cert_file: %s, key_file: %s}"
                .formatted(pki.caFile(), cert.certFile(), cert.keyFile()));
    var b =
        runAgent("agent-b", "tls: {ca_file: %s}, token_file: %s".formatted(pki.caFile(), token));
    var c =
        runAgent("agent-c", "tls: {ca_file: %s}, token_file: %s".formatted(pki.caFile(), token));

    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(a.err()).contains("(TLS, client certificate)").doesNotContain("warning");
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(b.err()).contains("(TLS, token)");
    assertThat(c.exit()).isEqualTo(1);
    assertThat(c.err()).contains("PERMISSION_DENIED").contains("agent_id agent-c");

    String metrics = Http.get(collector.metricsUrl()).body();
    assertThat(metrics)
        .contains("guestbench_collector_rejected_total{reason=\"wrong_agent_id\"}")
        .contains("agent_id=\"agent-a\"")
        .contains("agent_id=\"agent-b\"");
    assertThat(collector.terminate(20)).isZero();
    for (String output :
        new String[] {
          a.out(),
          a.err(),
          b.out(),
          b.err(),
          c.out(),
          c.err(),
          runner.err("collector"),
          runner.out("collector"),
          metrics
        }) {
      assertThat(output).doesNotContain(TOKEN_B).doesNotContain("PRIVATE KEY");
    }
    assertThat(runner.err("collector")).doesNotContain("warning");
  }

  @Test
  void aWorldReadableTokenFileIsRefusedInOneLine() throws Exception {
    Path token = secret("open.token", TOKEN_B + "\n");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
    Path config =
        agentConfig("agent-b", "tls: {ca_file: %s}, token_file: %s".formatted(pki.caFile(), token));
    var result =
        runner.run(
            "validate",
            30,
            ProcessRunner.jar("guestbench.agent.jar", "validate", "--config", config.toString()));
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err().strip().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("collector.token_file: " + token)
                    .contains("world-readable"));
    assertThat(collector.terminate(20)).isZero();
  }

  private ProcessRunner.Finished runAgent(String id, String securityKeys) throws Exception {
    // An admitted agent exits as soon as its result is acknowledged; a refused one only when the
    // wait runs out, so the wait is generous for the first and short for the second.
    return runAgent(id, securityKeys, id.equals("agent-c") ? "5s" : "60s");
  }

  private ProcessRunner.Finished runAgent(String id, String securityKeys, String ackTimeout)
      throws Exception {
    Path config = agentConfig(id, securityKeys);
    return runner.run(
        id,
        90,
        ProcessRunner.jar(
            "guestbench.agent.jar",
            "run",
            "--config",
            config.toString(),
            "--ack-timeout",
            ackTimeout,
            "--spool-dir",
            dir.resolve("spool").toString()));
  }

  private Path agentConfig(String id, String securityKeys) throws Exception {
    Path config = dir.resolve(id + ".yaml");
    Files.writeString(
        config,
        """
        agent: {id: %s}
        collector: {address: "127.0.0.1:%d", reconnect_initial: 50ms, reconnect_max: 500ms, %s}
        imds: {enabled: false}
        plan: {rounds: 1, probes: [{probe: cpu.compute, warmup: 0s, iterations: 2}]}
        """
            .formatted(id, collector.grpcPort, securityKeys));
    return config;
  }

  private Path secret(String name, String text) throws Exception {
    Path file = Files.writeString(dir.resolve(name), text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
