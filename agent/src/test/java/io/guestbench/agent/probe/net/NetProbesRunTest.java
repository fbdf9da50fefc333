package io.guestbench.agent.probe.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.plan.Plan;
import io.guestbench.agent.plan.PlanRunner;
import io.guestbench.agent.plan.ProbeRunner;
import io.guestbench.agent.probe.Distributions;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.ProbeSpec;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.ship.MemoryOutbox;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Command;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunProbe;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The network probes as a plan or the collector runs them: by id, with the peer a parameter. A
 * command's RunProbe and a plan entry go through the same runner, so a collector that pairs agents
 * only has to name the peer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetProbesRunTest {
  private final StealSampler steal = new StealSampler(HostFixtures.files("xen-hvm"));
  private final ProbeCatalog catalog =
      new ProbeCatalog(
          Set.of(
              new NetStreamProbe(Clock.system(), steal, HostFixtures.files("xen-hvm")),
              new NetRrProbe(Clock.system(), steal),
              new NetCrrProbe(Clock.system(), steal),
              new NetUdpProbe(Clock.system(), steal)));
  private final ProbeRunner runner = new ProbeRunner(catalog, Clock.system());
  private Loopback peer;

  @BeforeEach
  void startPeer() throws Exception {
    peer = Loopback.start();
  }

  @AfterEach
  void stopPeer() {
    peer.close();
  }

  @Test
  void eachProbeMeasuresAgainstThePeerItsParamsName() throws Exception {
    ProbeResult stream =
        run("net.stream", Map.of("direction", "both", "streams", "2", "interval", "250ms"));
    assertThat(scalars(stream))
        .contains("bytes_sent_per_second", "bytes_received_per_second", "retransmitted_segments");
    assertThat(stream.getDistributionsList())
        .extracting(d -> d.getName())
        .containsExactly("interval_sent_bytes_per_second", "interval_received_bytes_per_second");
    assertThat(stream.getParamsMap())
        .containsEntry("peer", "127.0.0.1:" + peer.address().port())
        .containsEntry("direction", "both")
        .containsEntry("streams", "2")
        .containsEntry("interval", "250ms");

    ProbeResult rr = run("net.rr", Map.of("request_bytes", "32", "response_bytes", "64"));
    assertThat(scalars(rr)).contains("transactions_per_second", "retransmitted_segments");
    assertThat(Distributions.decode(rr.getDistributions(0)).getTotalCount()).isPositive();
    assertThat(rr.getParamsMap()).containsEntry("mode", "tcp_rr").containsEntry("loop", "closed");

    ProbeResult udpRr = run("net.rr", Map.of("mode", "udp_rr"));
    assertThat(scalars(udpRr)).containsExactly("transactions_per_second", "loss_ratio");

    ProbeResult crr = run("net.crr", Map.of());
    assertThat(scalars(crr)).containsExactly("transactions_per_second");
    assertThat(crr.getParamsMap()).containsEntry("mode", "tcp_crr");

    ProbeResult udp = run("net.udp", Map.of("bitrate", "20M"));
    assertThat(scalars(udp))
        .containsExactly(
            "bytes_sent_per_second",
            "bytes_received_per_second",
            "loss_ratio",
            "reordered_ratio",
            "duplicate_datagrams",
            "jitter_nanos");
    assertThat(udp.getParamsMap()).containsEntry("bitrate", "20000000");
  }

  @Test
  void aCollectorCommandRunsATestLikeAPlanEntry() throws Exception {
    CompletableFuture<ProbeResult> seen = new CompletableFuture<>();
    MemoryOutbox outbox = new MemoryOutbox(1 << 20, Clock.system());
    PlanRunner plan =
        new PlanRunner(
            new Plan(1, Duration.ZERO, List.of()),
            runner,
            outbox,
            seen::complete,
            Executors.newSingleThreadScheduledExecutor(),
            ProbeRun.Progress.NONE,
            Clock.system());
    plan.start();
    plan.submit(
        Command.newBuilder()
            .setCommandId("pair-7")
            .setRunProbe(
                RunProbe.newBuilder()
                    .setKind(ProbeKind.PROBE_KIND_NET)
                    .setName("rr")
                    .putAllParams(params(Map.of())))
            .build());
    ProbeResult result = seen.get(20, TimeUnit.SECONDS);
    plan.stop(Duration.ofSeconds(2));
    assertThat(result.getStatus()).isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(result.getRunId()).isEqualTo("cmd-pair-7");
    assertThat(outbox.stats().heldResults()).isEqualTo(1);
  }

  @Test
  void anUnreachablePeerIsAnErrorResultNotAnException() throws Exception {
    peer.close();
    ProbeResult r =
        runner.run("run-x", new ProbeSpec("net.stream", params(Map.of())), ProbeRun.Progress.NONE);
    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_ERROR);
    assertThat(r.getStatusMessage()).startsWith("cannot connect to 127.0.0.1:");
    assertThat(r.getParamsMap()).containsKey("peer").doesNotContainKey("secret_file");
  }

  private ProbeResult run(String probe, Map<String, String> own) throws InterruptedException {
    ProbeResult r = runner.run("run-1", new ProbeSpec(probe, params(own)), ProbeRun.Progress.NONE);
    assertThat(r.getStatus())
        .as(probe + ": " + r.getStatusMessage())
        .isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(r.getKind()).isEqualTo(ProbeKind.PROBE_KIND_NET);
    assertThat(r.getEndTimeUnixNano() - r.getStartTimeUnixNano())
        .isBetween(900_000_000L, 3_000_000_000L);
    return r;
  }

  private Map<String, String> params(Map<String, String> own) {
    Map<String, String> all = new java.util.HashMap<>(own);
    all.put("peer", "127.0.0.1:" + peer.address().port());
    all.put("warmup", "100ms");
    all.put("duration", "1s");
    return all;
  }

  private static List<String> scalars(ProbeResult r) {
    return r.getScalarsList().stream().map(Scalar::getName).toList();
  }
}
