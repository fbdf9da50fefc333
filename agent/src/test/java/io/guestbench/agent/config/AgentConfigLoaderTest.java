package io.guestbench.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.agent.host.imds.ImdsSettings;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.ProbeSpec;
import io.guestbench.agent.probe.net.peer.PeerSettings;
import io.guestbench.agent.ship.spool.SpoolSettings;
import io.guestbench.common.config.ConfigException;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigLoaderTest {
  private static final String ESSENTIALS =
      """
      collector: {address: "collector.internal:7070", plaintext: true}
      imds: {enabled: false}
      plan: {probes: [{probe: cpu.compute}]}
      """;

  @TempDir Path dir;

  private AgentConfigLoader loader() throws Exception {
    Path hostname = dir.resolve("hostname");
    Files.writeString(hostname, "Web-01.example\n");
    return new AgentConfigLoader(
        new ProbeCatalog(Set.of(new OnlyKernelProbe())), new HostName(hostname));
  }

  @Test
  void defaultsFillEverythingButTheEssentials() throws Exception {
    AgentConfig c =
        loader()
            .parse(
                "agent.yaml",
                """
                collector: {address: "collector.internal:7070", plaintext: true}
                plan:
                  probes:
                    - probe: cpu.compute
                """);
    assertThat(c.agentId()).isEqualTo("web-01.example");
    assertThat(c.labels()).isEmpty();
    assertThat(c.collector().host()).isEqualTo("collector.internal");
    assertThat(c.collector().port()).isEqualTo(7070);
    assertThat(c.collector().reconnectInitial()).isEqualTo(Duration.ofMillis(200));
    assertThat(c.collector().reconnectMax()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.collector().heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.collector().maxInFlightBatches()).isEqualTo(16);
    assertThat(c.bufferMaxBytes()).isEqualTo(64L << 20);
    assertThat(c.plan().repeatsForever()).isTrue();
    assertThat(c.plan().interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.plan().probes()).containsExactly(new ProbeSpec("cpu.compute", Map.of()));
    assertThat(c.imds()).isEqualTo(ImdsSettings.defaults());
    assertThat(c.peer()).as("no network peer unless asked for").isEmpty();
  }

  @Test
  void theNetSectionConfiguresThePeer() throws Exception {
    Path secret = dir.resolve("net.secret");
    Files.writeString(secret, "0123456789abcdef0123\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    AgentConfig c =
        loader()
            .parse(
                "agent.yaml",
                ESSENTIALS
                    + "net: {serve: true, bind: 10.0.0.5, port: 7171, secret_file: \""
                    + secret
                    + "\", max_concurrent_tests: 2, max_duration: 90s, max_message_bytes: 256KiB}\n");
    PeerSettings peer = c.peer().orElseThrow();
    assertThat(peer.bind()).isEqualTo("10.0.0.5");
    assertThat(peer.port()).isEqualTo(7171);
    assertThat(peer.secret()).isPresent();
    assertThat(peer.maxConcurrentTests()).isEqualTo(2);
    assertThat(peer.maxDuration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(peer.maxMessageBytes()).isEqualTo(256 << 10);

    PeerSettings defaults =
        loader().parse("agent.yaml", ESSENTIALS + "net: {serve: true}\n").peer().orElseThrow();
    assertThat(defaults).isEqualTo(PeerSettings.defaults());
    assertThat(loader().parse("agent.yaml", ESSENTIALS + "net: {serve: false, port: 1}\n").peer())
        .isEmpty();
  }

  @Test
  void theSpoolIsOnByDefaultAndEveryKeyMapsToItsSetting() throws Exception {
    SpoolSettings defaults = loader().parse("agent.yaml", ESSENTIALS).spool().orElseThrow();
    assertThat(defaults.dir()).isEqualTo(Path.of("/var/lib/guestbench/spool"));
    assertThat(defaults.maxBytes()).isEqualTo(1L << 30);
    assertThat(defaults.maxAge()).isEqualTo(Duration.ofDays(7));
    assertThat(defaults.fsyncEveryAppend()).isTrue();
    assertThat(defaults.memoryBytes()).isEqualTo(64L << 20);

    SpoolSettings s =
        loader()
            .parse(
                "agent.yaml",
                ESSENTIALS
                    + "buffer: {max_bytes: 2MiB}\n"
                    + "spool: {dir: /srv/gb, max_bytes: 64MiB, max_age: 48h, fsync: 200ms}\n")
            .spool()
            .orElseThrow();
    assertThat(s.dir()).isEqualTo(Path.of("/srv/gb"));
    assertThat(s.maxBytes()).isEqualTo(64L << 20);
    assertThat(s.segmentBytes()).isEqualTo(8L << 20);
    assertThat(s.maxAge()).isEqualTo(Duration.ofDays(2));
    assertThat(s.fsyncInterval()).isEqualTo(Duration.ofMillis(200));
    assertThat(s.memoryBytes()).isEqualTo(2L << 20);
    assertThat(loader().parse("agent.yaml", ESSENTIALS + "spool: {enabled: false}\n").spool())
        .isEmpty();
  }

  @Test
  void settleStopsAPlanEarlyWithinItsRounds() throws Exception {
    String yaml =
        ESSENTIALS.replace(
            "plan: {", "plan: {rounds: 30, settle: {min_rounds: 6, cv_percent: 2.5}, ");
    assertThat(loader().parse("settle.yaml", yaml).plan().settle())
        .hasValue(new io.guestbench.agent.plan.Settling(6, 2.5, 5));
    assertThat(loader().parse("plain.yaml", ESSENTIALS).plan().settle()).isEmpty();
  }

  @Test
  void settleNeedsARoundsCapAndSaneNumbers() {
    assertThatThrownBy(
            () ->
                loader()
                    .parse(
                        "settle.yaml",
                        """
                        collector: {address: "collector.internal:7070", plaintext: true}
                        imds: {enabled: false}
                        plan:
                          settle: {min_rounds: 2, cv_percent: lots, max_steal_percent: 150}
                          probes: [{probe: cpu.compute}]
                        """))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "settle.yaml: plan.settle.min_rounds: 2 (expected: 3..1000)",
                        "settle.yaml: plan.settle.cv_percent: lots (expected: 0.1..100.0)",
                        "settle.yaml: plan.settle.max_steal_percent: 150 (expected: 0.0..100.0)",
                        "settle.yaml: plan.rounds: 0 (expected: at least settle.min_rounds (5),"
                            + " the cap settling stops within)"));
  }

  @Test
  void spoolProblemsAreListedWithTheRest() {
    assertThatThrownBy(
            () ->
                loader()
                    .parse(
                        "spool.yaml",
                        ESSENTIALS
                            + "spool: {enabled: yes-please, dir: relative/spool, max_bytes: 1k,"
                            + " max_age: 10s, fsync: sometimes, size: 3}\n"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "spool.yaml: spool.enabled: yes-please (expected: true or false)",
                        "spool.yaml: spool.dir: relative/spool (expected: an absolute directory"
                            + " path)",
                        "spool.yaml: spool.max_bytes: 1k (expected: a size from 1048576 to"
                            + " 1099511627776 bytes, e.g. 64MiB)",
                        "spool.yaml: spool.max_age: 10s (expected: 1m..8760h)",
                        "spool.yaml: spool.fsync: sometimes (expected: always, or a duration"
                            + " from 10ms to 1m)",
                        "spool.yaml: spool.size: unknown key"));
  }

  @Test
  void netProblemsAreListedWithTheRest() throws Exception {
    Path secret = dir.resolve("open.secret");
    Files.writeString(secret, "0123456789abcdef0123");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(
            () ->
                loader()
                    .parse(
                        "net.yaml",
                        ESSENTIALS
                            + "net: {serve: maybe, port: 70000, max_concurrent_tests: 0, max_duration: 2h,"
                            + " max_message_bytes: 1k, secret_file: \""
                            + secret
                            + "\", colour: blue}\n"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "net.yaml: net.serve: maybe (expected: true or false)",
                        "net.yaml: net.port: 70000 (expected: 0..65535)",
                        "net.yaml: net.secret_file: "
                            + secret
                            + " is readable by others (expected: mode 600 or 640)",
                        "net.yaml: net.max_concurrent_tests: 0 (expected: 1..64)",
                        "net.yaml: net.max_duration: 2h (expected: 1s..1h)",
                        "net.yaml: net.max_message_bytes: 1k (expected: a size from 65536 to"
                            + " 16777216 bytes, e.g. 64MiB)",
                        "net.yaml: net.colour: unknown key"));
  }

  @Test
  void everyKeyMapsToItsField() throws Exception {
    AgentConfig c =
        loader()
            .parse(
                "agent.yaml",
                """
                agent:
                  id: hvm-a
                  labels: {experiment: pv-vs-hvm, virt_type: xen-hvm}
                collector:
                  address: "[::1]:7443"
                  plaintext: true
                  reconnect_initial: 50ms
                  reconnect_max: 2m
                  heartbeat_interval: 3s
                  max_in_flight_batches: 4
                buffer: {max_bytes: 8MiB}
                plan:
                  rounds: 3
                  interval: 30s
                  probes:
                    - probe: cpu.compute
                      kernel: fp
                imds: {enabled: false, endpoint: "http://127.0.0.1:9999", deadline: 500ms}
                """);
    assertThat(c.agentId()).isEqualTo("hvm-a");
    assertThat(c.labels())
        .containsEntry("experiment", "pv-vs-hvm")
        .containsEntry("virt_type", "xen-hvm");
    assertThat(c.collector().host()).isEqualTo("::1");
    assertThat(c.collector().address()).isEqualTo("[::1]:7443");
    assertThat(c.collector().reconnectInitial()).isEqualTo(Duration.ofMillis(50));
    assertThat(c.collector().reconnectMax()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.collector().heartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.collector().maxInFlightBatches()).isEqualTo(4);
    assertThat(c.bufferMaxBytes()).isEqualTo(8L << 20);
    assertThat(c.plan().rounds()).isEqualTo(3);
    assertThat(c.plan().interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.plan().probes())
        .containsExactly(new ProbeSpec("cpu.compute", Map.of("kernel", "fp")));
  }

  @Test
  void listsEveryProblemAtOnce() throws Exception {
    assertThatThrownBy(
            () ->
                loader()
                    .parse(
                        "bad.yaml",
                        """
                        agent: {id: "no spaces allowed", labels: {Bad-Key: x}, colour: blue}
                        collector: {address: nowhere, max_in_flight_batches: 0}
                        buffer: {max_bytes: lots}
                        plan:
                          rounds: -1
                          probes:
                            - probe: cpu.compute
                              kernel: quantum
                            - probe: disk.teleport
                        imds: {endpoint: "ftp://x"}
                        extra: 1
                        """))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "bad.yaml: agent.id: no spaces allowed (expected: 1-64 characters of A-Z a-z 0-9 . _ -)",
                        "bad.yaml: agent.labels.Bad-Key: bad label name (expected: [a-z][a-z0-9_]{0,63})",
                        "bad.yaml: agent.colour: unknown key",
                        "bad.yaml: collector.address: nowhere (expected: host:port, e.g. 10.0.0.5:7070)",
                        "bad.yaml: collector.tls: missing (expected: a tls section, or plaintext:"
                            + " true to stream unencrypted)",
                        "bad.yaml: collector.max_in_flight_batches: 0 (expected: 1..1024)",
                        "bad.yaml: buffer.max_bytes: lots (expected: a size from 1048576 to"
                            + " 17179869184 bytes, e.g. 64MiB)",
                        "bad.yaml: plan.rounds: -1 (expected: 0..1000000)",
                        "bad.yaml: plan.probes[0].kernel: quantum (expected: int or fp)",
                        "bad.yaml: plan.probes[1].probe: disk.teleport (expected: one of cpu.compute)",
                        "bad.yaml: imds.endpoint: ftp://x (expected: an http or https URL)",
                        "bad.yaml: extra: unknown key"));
  }

  @Test
  void malformedYamlIsOneLineWithPosition() {
    assertThatThrownBy(() -> loader().parse("broken.yaml", "plan: [unclosed\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageMatching(
            "broken.yaml:\\d+:\\d+: malformed YAML \\(while parsing a flow sequence; expected .*")
        .hasMessageContaining("malformed YAML")
        .hasMessageNotContaining("\n");
  }

  @Test
  void missingFileAndWrongShapesAreReported() throws Exception {
    assertThatThrownBy(() -> loader().load(dir.resolve("absent.yaml")))
        .hasMessage(dir.resolve("absent.yaml") + ": no such file");
    assertThatThrownBy(() -> loader().parse("list.yaml", "- 1\n- 2\n"))
        .hasMessageContaining("list.yaml: (document): a list (expected: a mapping)");
    assertThatThrownBy(() -> loader().parse("empty.yaml", ""))
        .hasMessageContaining("collector.address: missing")
        .hasMessageContaining(
            "plan.probes: empty (expected: at least one probe, or net.serve: true to run only"
                + " what the collector commands)");
  }

  @Test
  void theAdvertisedPeerHostIsExplicitOrTheBoundInterface() throws Exception {
    String collector = "collector: {address: \"c:7070\", plaintext: true}\n";
    AgentConfig onlyCommands =
        loader().parse("a.yaml", collector + "net: {serve: true, advertise: 10.0.0.7, port: 0}\n");
    assertThat(onlyCommands.plan().probes()).as("a serving agent may run only commands").isEmpty();
    assertThat(onlyCommands.peerAdvertise()).contains("10.0.0.7");
    assertThat(onlyCommands.peer().orElseThrow().port()).as("0 picks a free port").isZero();
    assertThat(loader().parse("a.yaml", ESSENTIALS + "net: {serve: true, bind: 10.0.0.5}\n"))
        .extracting(AgentConfig::peerAdvertise)
        .isEqualTo(java.util.Optional.of("10.0.0.5"));
    assertThat(loader().parse("a.yaml", ESSENTIALS + "net: {serve: true}\n").peerAdvertise())
        .as("a wildcard bind says nothing about how others reach this machine")
        .isEmpty();
  }

  @Test
  void aBadAdvertisedHostIsAProblem() throws Exception {
    assertThatThrownBy(
            () ->
                loader()
                    .parse("a.yaml", ESSENTIALS + "net: {serve: true, advertise: \"0.0.0.0\"}\n"))
        .hasMessageContaining(
            "a.yaml: net.advertise: 0.0.0.0 (expected: a host name or IP address other agents"
                + " reach)");
    assertThatThrownBy(() -> loader().parse("a.yaml", ESSENTIALS + "net: {advertise: h.example}\n"))
        .hasMessageContaining(
            "a.yaml: net.advertise: h.example (expected: only together with net.serve: true)");
  }

  /** A leaf stand-in with one checked parameter, so these tests do not depend on real probes. */
  static final class OnlyKernelProbe implements Probe {
    @Override
    public ProbeKind kind() {
      return ProbeKind.PROBE_KIND_CPU;
    }

    @Override
    public String name() {
      return "compute";
    }

    @Override
    public String version() {
      return "test";
    }

    @Override
    public List<String> check(Map<String, String> params) {
      List<String> problems = new ArrayList<>();
      params.forEach(
          (k, v) -> {
            if (!k.equals("kernel")) {
              problems.add(k + ": unknown parameter");
            } else if (!v.equals("int") && !v.equals("fp")) {
              problems.add("kernel: " + v + " (expected: int or fp)");
            }
          });
      return problems;
    }

    @Override
    public ProbeResult run(ProbeRun run) {
      throw new UnsupportedOperationException("config tests never run probes");
    }
  }
}
