package io.guestbench.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.common.config.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CollectorConfigLoaderTest {
  private final CollectorConfigLoader loader = new CollectorConfigLoader("host-1");

  @Test
  void defaults() throws Exception {
    CollectorConfig c = loader.defaults();
    assertThat(c.bind()).isEqualTo("0.0.0.0");
    assertThat(c.grpcPort()).isEqualTo(7070);
    assertThat(c.httpPort()).isEqualTo(9464);
    assertThat(c.collectorId()).isEqualTo("host-1");
    assertThat(c.maxMessageBytes()).isEqualTo(4 << 20);
    assertThat(c.maxResultsPerBatch()).isEqualTo(1000);
    assertThat(c.agentTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void everyKeyMapsToItsField() throws Exception {
    CollectorConfig c =
        loader.parse(
            "collector.yaml",
            """
            server: {bind: 127.0.0.1, grpc_port: 17070, http_port: 0, collector_id: replica-2}
            limits: {max_message_bytes: 1MiB, max_results_per_batch: 50}
            metrics: {agent_ttl: 90s}
            shutdown: {grace: 2s}
            """);
    assertThat(c)
        .isEqualTo(
            new CollectorConfig(
                "127.0.0.1",
                17070,
                0,
                "replica-2",
                1 << 20,
                50,
                Duration.ofSeconds(90),
                Duration.ofSeconds(2)));
  }

  @Test
  void listsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    "c.yaml",
                    """
                    server: {grpc_port: 70000, collector_id: "a b", tls: on}
                    limits: {max_message_bytes: 1k}
                    metrics: {agent_ttl: forever}
                    """))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "c.yaml: server.grpc_port: 70000 (expected: 0..65535)",
                        "c.yaml: server.collector_id: a b (expected: 1-64 characters of A-Z a-z 0-9 . _ -)",
                        "c.yaml: server.tls: unknown key",
                        "c.yaml: limits.max_message_bytes: 1k (expected: a size from 65536 to 67108864 bytes, e.g. 64MiB)",
                        "c.yaml: metrics.agent_ttl: forever (expected: 1s..720h)"));
  }
}
