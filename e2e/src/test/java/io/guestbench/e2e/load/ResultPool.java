package io.guestbench.e2e.load;

import io.guestbench.agent.probe.Distributions;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Realistic probe results as the agent makes them: cpu.compute, disk.job random reads and net.rr
 * round trips, each with scalars and an HdrHistogram of 1,000 values. Label values come from small
 * fixed sets (2 kernels, 4 queue depths, 3 request sizes), so one agent touches at most 9 probe
 * configurations and a few dozen series, far inside the collector's series budgets.
 */
final class ResultPool {
  private static final int[] IODEPTHS = {1, 4, 16, 32};
  private static final int[] REQUEST_BYTES = {1, 64, 1024};

  private ResultPool() {}

  /** {@code count} results (one third of each family), with values from a seeded random. */
  static List<ProbeResult> of(int count, long endUnixNanos, long seed) {
    Random random = new Random(seed);
    List<ProbeResult> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(
          switch (i % 3) {
            case 0 -> compute(random, i % 2 == 0 ? "int" : "fp", endUnixNanos);
            case 1 -> diskRead(random, IODEPTHS[i % IODEPTHS.length], endUnixNanos);
            default -> netRr(random, REQUEST_BYTES[i % REQUEST_BYTES.length], endUnixNanos);
          });
    }
    return out;
  }

  /**
   * {@code results} with every histogram re-recorded at {@code digits} significant digits (the
   * agent's are 3), exact count, sum, min and max kept: what-if runs of coarser histograms.
   */
  static List<ProbeResult> withDigits(List<ProbeResult> results, int digits) {
    List<ProbeResult> out = new ArrayList<>();
    for (ProbeResult r : results) {
      ProbeResult.Builder b = r.toBuilder().clearDistributions();
      for (Distribution d : r.getDistributionsList()) {
        Histogram coarse = new Histogram(digits);
        coarse.setAutoResize(true);
        for (var v : Distributions.decode(d).recordedValues()) {
          coarse.recordValueWithCount(v.getValueIteratedTo(), v.getCountAtValueIteratedTo());
        }
        b.addDistributions(
            Distributions.of(
                d.getName(), coarse, d.getCount(), d.getSum(), d.getMin(), d.getMax()));
      }
      out.add(b.build());
    }
    return out;
  }

  static ProbeResult compute(Random random, String kernel, long end) {
    return base(ProbeKind.PROBE_KIND_CPU, "compute", end, 5)
        .putParams("kernel", kernel)
        .putParams("warmup", "1s")
        .putParams("iterations", "1000")
        .putParams("ops_per_iteration", "2000000")
        .addScalars(scalar("ops_per_second", 1e9 * (1 + random.nextDouble())))
        .addDistributions(distribution("iteration_nanos", random, 2_000_000))
        .build();
  }

  static ProbeResult diskRead(Random random, int iodepth, long end) {
    double iops = 3000 * iodepth * (0.5 + random.nextDouble());
    return base(ProbeKind.PROBE_KIND_DISK, "job", end, 10)
        .putParams("rw", "randread")
        .putParams("bs_bytes", "4096")
        .putParams("iodepth", Integer.toString(iodepth))
        .putParams("engine", iodepth == 1 ? "sync" : "aio")
        .putParams("numjobs", "1")
        .putParams("direct", "1")
        .putParams("sync", "none")
        .putParams("sync_every", "0")
        .putParams("size_bytes", "1073741824")
        .putParams("runtime", "10s")
        .putParams("ramp", "2s")
        .putParams("verify", "none")
        .putParams("seed", "1")
        .putParams("target", "scratch")
        .addScalars(scalar("read_ops_per_second", iops))
        .addScalars(scalar("read_bytes_per_second", iops * 4096))
        .addScalars(scalar("read_min_interval_ops_per_second", iops * 0.9))
        .addDistributions(distribution("read_latency_nanos", random, 200_000L * iodepth))
        .build();
  }

  static ProbeResult netRr(Random random, int requestBytes, long end) {
    return base(ProbeKind.PROBE_KIND_NET, "rr", end, 10)
        .putParams("peer", "10.0.0.2:7101")
        .putParams("warmup", "1s")
        .putParams("duration", "10s")
        .putParams("mode", "tcp_rr")
        .putParams("request_bytes", Integer.toString(requestBytes))
        .putParams("response_bytes", Integer.toString(requestBytes))
        .putParams("loop", "closed")
        .addScalars(scalar("transactions_per_second", 20_000 * (0.5 + random.nextDouble())))
        .addScalars(scalar("retransmitted_segments", random.nextInt(3)))
        .addDistributions(distribution("rtt_nanos", random, 50_000))
        .build();
  }

  private static ProbeResult.Builder base(ProbeKind kind, String name, long end, int seconds) {
    return ProbeResult.newBuilder()
        .setRunId("load-" + name)
        .setKind(kind)
        .setName(name)
        .setStartTimeUnixNano(end - TimeUnit.SECONDS.toNanos(seconds))
        .setEndTimeUnixNano(end)
        .setStatus(RunStatus.RUN_STATUS_OK)
        .setStealRatio(0.01)
        .setProbeVersion("1");
  }

  private static Scalar scalar(String name, double value) {
    return Scalar.newBuilder().setName(name).setValue(value).build();
  }

  /** 1,000 log-normal values around {@code medianNanos}, in a histogram made like the agent's. */
  private static Distribution distribution(String name, Random random, long medianNanos) {
    Histogram h = Distributions.newNanosHistogram();
    long sum = 0;
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 1000; i++) {
      long v = Math.max(1, (long) (medianNanos * Math.exp(0.5 * random.nextGaussian())));
      h.recordValue(v);
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return Distributions.of(name, h, h.getTotalCount(), sum, min, max);
  }
}
