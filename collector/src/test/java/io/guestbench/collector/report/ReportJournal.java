package io.guestbench.collector.report;

import io.guestbench.collector.config.JournalConfig;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.journal.JournalResultStore;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.metrics.TestResults;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.HostFacts;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.testing.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real journal written through the collector's store: two agents per virtualization type, each
 * with cpu.compute runs whose speed is drawn around a chosen median, and some failed runs.
 */
final class ReportJournal {
  static final long HOUR = 3_600_000_000_000L;

  private ReportJournal() {}

  /** Writes {@code runs} runs per agent; pv runs at {@code pvSpeed} times hvm's speed. */
  static void write(Path dir, int runs, double pvSpeed, int pvErrors) throws Exception {
    ManualClock clock = new ManualClock(1_750_000_000_000_000_000L);
    JournalConfig config =
        new JournalConfig(dir, 64 << 20, 1L << 30, Duration.ofDays(3650), false, 64 << 20);
    JournalResultStore store =
        new JournalResultStore(
            config,
            new ResultMetrics(new PrometheusRegistry(), clock),
            new SimpleMeterRegistry(),
            clock);
    store.start();
    SplittableRandom random = new SplittableRandom(5);
    try {
      for (String virt : List.of("xen-hvm", "xen-pv")) {
        double speed = virt.equals("xen-pv") ? pvSpeed : 1.0;
        for (int a = 0; a < 2; a++) {
          String agent = virt + "-" + a;
          AgentLabels labels = new AgentLabels(agent, virt, "m3.medium", "report-test");
          clock.advance(java.time.Duration.ofSeconds(1));
          store.described(new AgentKey(agent, 1), hello(agent, virt));
          for (int i = 0; i < runs; i++) {
            if (virt.equals("xen-pv") && i == runs / 2) { // the pv agents reconnect once
              clock.advance(java.time.Duration.ofSeconds(1));
              store.described(new AgentKey(agent, 1), hello(agent, virt));
            }
            double ops = 1e9 * speed * (1 + 0.02 * random.nextGaussian());
            ProbeResult.Builder r =
                TestResults.compute("int", ops, 1000, 1100, 1300)
                    .setRunId(agent + "-" + i)
                    .setStartTimeUnixNano(1_750_000_000_000_000_000L + i * HOUR / runs);
            store(store, agent, i + 1, labels, r.build());
          }
          if (virt.equals("xen-pv")) {
            for (int e = 0; e < pvErrors; e++) {
              ProbeResult failed =
                  TestResults.compute("int", 1e9, 1000)
                      .setRunId(agent + "-err-" + e)
                      .clearScalars()
                      .clearDistributions()
                      .setStatus(RunStatus.RUN_STATUS_ERROR)
                      .setStatusMessage("disk went away")
                      .build();
              store(store, agent, runs + e + 1, labels, failed);
            }
          }
        }
      }
    } finally {
      store.stop(Duration.ofSeconds(5));
    }
  }

  /** PV agents with the facts of an old PV guest: xen clocksource, no SR-IOV, a 3.13 kernel. */
  private static Hello hello(String agent, String virt) {
    boolean pv = virt.equals("xen-pv");
    return Hello.newBuilder()
        .setAgentId(agent)
        .setEpoch(1)
        .setAgentVersion("test")
        .setProtocolVersion(1)
        .putLabels("team", "storage")
        .setFacts(
            HostFacts.newBuilder()
                .setVirtType(virt)
                .putFacts("availability_zone", "us-east-1a")
                .putFacts("clocksource", pv ? "xen" : "tsc")
                .putFacts("sriov", pv ? "none" : "ena")
                .putFacts("kernel_release", pv ? "3.13.0-170-generic" : "5.15.0-1051-aws"))
        .build();
  }

  private static void store(
      JournalResultStore store, String agent, long seq, AgentLabels labels, ProbeResult r)
      throws Exception {
    store
        .store(new AgentKey(agent, 1), seq, labels, List.of(r), agent)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }
}
