package io.guestbench.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.collector.ingest.IngestLimits;
import io.guestbench.collector.metrics.SeriesLimits;
import io.guestbench.collector.schedule.NetTest;
import io.guestbench.collector.schedule.ScheduleConfig;
import io.guestbench.collector.security.ServerSecurity;
import io.guestbench.common.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectorConfigLoaderTest {
  private final CollectorConfigLoader loader = new CollectorConfigLoader("host-1");

  @Test
  void defaults() throws Exception {
    CollectorConfig c = loader.plaintextChosen().defaults();
    assertThat(c.bind()).isEqualTo("0.0.0.0");
    assertThat(c.grpcPort()).isEqualTo(7070);
    assertThat(c.httpPort()).isEqualTo(9464);
    assertThat(c.collectorId()).isEqualTo("host-1");
    assertThat(c.ingest()).isEqualTo(new IngestLimits(4 << 20, 1000, 2000, 10_000));
    assertThat(c.series()).isEqualTo(new SeriesLimits(5_000, 200_000));
    assertThat(c.agentTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.journal())
        .isEqualTo(
            new JournalConfig(
                Path.of("/var/lib/guestbench/journal"),
                64 << 20,
                10L << 30,
                Duration.ofDays(30),
                true,
                64 << 20));
  }

  @Test
  void everyKeyMapsToItsField() throws Exception {
    CollectorConfig c =
        loader.parse(
            "collector.yaml",
            """
            server: {bind: 127.0.0.1, grpc_port: 17070, http_port: 0, collector_id: replica-2, plaintext: true}
            limits: {max_message_bytes: 1MiB, max_results_per_batch: 50, agent_results_per_second: 10, agent_results_burst: 60, agent_series: 100, series: 1000}
            metrics: {agent_ttl: 90s}
            shutdown: {grace: 2s}
            journal: {dir: /data/j, segment_bytes: 2MiB, retain_bytes: 100MiB, retain_age: 48h,
                      fsync: false, max_pending_bytes: 8MiB, dedupe_horizon: 240h,
                      direct_io: false}
            prices: {file: /data/prices.json}
            """);
    assertThat(c)
        .isEqualTo(
            new CollectorConfig(
                "127.0.0.1",
                17070,
                0,
                "replica-2",
                ServerSecurity.plaintextChosen(),
                new IngestLimits(1 << 20, 50, 10, 60),
                new SeriesLimits(100, 1000),
                Duration.ofSeconds(90),
                Duration.ofSeconds(2),
                ScheduleConfig.disabled(),
                new JournalConfig(
                    Path.of("/data/j"),
                    2 << 20,
                    100 << 20,
                    Duration.ofDays(2),
                    false,
                    8 << 20,
                    Duration.ofDays(10),
                    false),
                Path.of("/data/prices.json")));
  }

  @Test
  void listsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    "c.yaml",
                    """
                    server: {grpc_port: 70000, collector_id: "a b", plaintext: true, tcp: on}
                    limits: {max_message_bytes: 1k, agent_results_burst: 10, agent_series: 10, series: 5}
                    metrics: {agent_ttl: forever}
                    journal: {retain_bytes: -1, segment_bytes: 2MiB, retain_age: 1s, fsync: maybe, size: 1, dedupe_horizon: 1m, direct_io: 2}
                    """))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "c.yaml: server.grpc_port: 70000 (expected: 0..65535)",
                        "c.yaml: server.collector_id: a b (expected: 1-64 characters of A-Z a-z 0-9 . _ -)",
                        "c.yaml: server.tcp: unknown key",
                        "c.yaml: limits.max_message_bytes: 1k (expected: a size from 65536 to 67108864 bytes, e.g. 64MiB)",
                        "c.yaml: limits.agent_results_burst: 10 (expected: at least max_results_per_batch (1000), or a full batch could never be accepted)",
                        "c.yaml: limits.series: 5 (expected: at least limits.agent_series (10))",
                        "c.yaml: metrics.agent_ttl: forever (expected: 1s..720h)",
                        "c.yaml: journal.retain_bytes: -1 (expected: a size from 1048576 to 1125899906842624 bytes, e.g. 64MiB)",
                        "c.yaml: journal.retain_age: 1s (expected: 1m..87600h)",
                        "c.yaml: journal.fsync: maybe (expected: true or false)",
                        "c.yaml: journal.dedupe_horizon: 1m (expected: 1h..87600h)",
                        "c.yaml: journal.direct_io: 2 (expected: true or false)",
                        "c.yaml: journal.size: unknown key"));
  }

  @Test
  void retainedBytesHoldAtLeastOneSegment() {
    assertThatThrownBy(
            () ->
                loader
                    .plaintextChosen()
                    .parse("c.yaml", "journal: {segment_bytes: 8MiB, retain_bytes: 4MiB}"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "c.yaml: journal.retain_bytes: 4194304 (expected: at least segment_bytes, 8388608)"));
  }

  @Test
  void theScheduleSectionReadsItsTests() throws Exception {
    CollectorConfig c =
        loader.parse(
            "c.yaml",
            """
            server: {plaintext: true}
            schedule:
              enabled: true
              slot: 20s
              gap: 3s
              lead: 500ms
              every: 1h
              tests:
                - {probe: net.rr, warmup: 1s, duration: 5s, mode: udp_rr}
                - {probe: net.stream, direction: both}
            """);
    ScheduleConfig s = c.schedule();
    assertThat(s.enabled()).isTrue();
    assertThat(s.slot()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.gap()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.lead()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.every()).isEqualTo(Duration.ofHours(1));
    assertThat(s.tests())
        .containsExactly(
            new NetTest(
                "rr",
                Map.of("warmup", "1s", "duration", "5s", "mode", "udp_rr"),
                Duration.ofSeconds(6)),
            new NetTest("stream", Map.of("direction", "both"), Duration.ofSeconds(12)));
    assertThat(loader.plaintextChosen().defaults().schedule()).isEqualTo(ScheduleConfig.disabled());
  }

  @Test
  void scheduleProblemsAreListedTogether() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    "c.yaml",
                    """
                    server: {plaintext: true}
                    schedule:
                      enabled: maybe
                      slot: 0s
                      gap: -1s
                      colour: blue
                      tests:
                        - {probe: disk.job}
                        - {probe: net.rr, peer: "10.0.0.1:7071", duration: 20s, Bad: 1}
                    """))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "c.yaml: schedule.enabled: maybe (expected: true or false)",
                        "c.yaml: schedule.slot: 0s (expected: 1s..1h)",
                        "c.yaml: schedule.gap: -1s (expected: 0s..10m)",
                        "c.yaml: schedule.colour: unknown key",
                        "c.yaml: schedule.tests[0].probe: disk.job (expected: net.stream, net.rr,"
                            + " net.crr or net.udp)",
                        "c.yaml: schedule.tests[1].peer: 10.0.0.1:7071 (expected: no peer: the"
                            + " scheduler sets it for each pair)",
                        "c.yaml: schedule.tests[1].Bad: 1 (expected: a parameter name and a value"
                            + " of 128 characters at most)",
                        "c.yaml: schedule.tests[1].duration: 20s (expected: warmup 2s + duration"
                            + " + 1s within schedule.slot 15s)"));
    assertThatThrownBy(() -> loader.parse("c.yaml", "schedule: {enabled: true}\n"))
        .hasMessageContaining(
            "c.yaml: schedule.tests: none (expected: at least one network test, e.g. [{probe:"
                + " net.rr}])");
  }
}
