package io.guestbench.collector.metrics;

import com.google.protobuf.ByteString;
import io.guestbench.common.histogram.HdrEncoding;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Probe results as the agent builds them, for tests. */
public final class TestResults {
  /** 2025-06-15T15:06:40Z, a round number of seconds. */
  static final long START = 1_750_000_000_000_000_000L;

  private TestResults() {}

  /** An ok {@code cpu.compute} result with the agent's parameters and one distribution. */
  public static ProbeResult.Builder compute(
      String kernel, double opsPerSecond, long... iterationNanos) {
    long measured = Arrays.stream(iterationNanos).sum();
    return ProbeResult.newBuilder()
        .setRunId("run-1")
        .setKind(ProbeKind.PROBE_KIND_CPU)
        .setName("compute")
        .putParams("kernel", kernel)
        .putParams("warmup", "1s")
        .putParams("iterations", Integer.toString(Math.max(1, iterationNanos.length)))
        .putParams("ops_per_iteration", "2000000")
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(START + measured)
        .addScalars(Scalar.newBuilder().setName("ops_per_second").setValue(opsPerSecond))
        .addDistributions(distribution("iteration_nanos", iterationNanos))
        .setStatus(RunStatus.RUN_STATUS_OK)
        .setStealRatio(0.0)
        .setProbeVersion("1");
  }

  /**
   * An ok {@code disk.job} result with the parameters the agent sends: a 4k random read at queue
   * depth {@code iodepth} with the aio engine, and one read latency distribution.
   */
  static ProbeResult.Builder diskRead(int iodepth, double iops, long... latencyNanos) {
    return ProbeResult.newBuilder()
        .setRunId("disk-1")
        .setKind(ProbeKind.PROBE_KIND_DISK)
        .setName("job")
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
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(START + 10_000_000_000L)
        .addScalars(Scalar.newBuilder().setName("read_ops_per_second").setValue(iops))
        .addScalars(Scalar.newBuilder().setName("read_bytes_per_second").setValue(iops * 4096))
        .addScalars(
            Scalar.newBuilder().setName("read_min_interval_ops_per_second").setValue(iops * 0.9))
        .addDistributions(distribution("read_latency_nanos", latencyNanos))
        .setStatus(RunStatus.RUN_STATUS_OK)
        .setStealRatio(0.0)
        .setProbeVersion("1");
  }

  /** An ok {@code disk.job} random write with fdatasync after every write. */
  static ProbeResult.Builder diskSyncedWrite(double iops, long writeNanos, long syncNanos) {
    ProbeResult.Builder b = diskRead(1, 0).clearScalars().clearDistributions();
    return b.putParams("rw", "randwrite")
        .putParams("sync", "fdatasync")
        .putParams("sync_every", "1")
        .addScalars(Scalar.newBuilder().setName("write_ops_per_second").setValue(iops))
        .addScalars(Scalar.newBuilder().setName("write_bytes_per_second").setValue(iops * 4096))
        .addScalars(Scalar.newBuilder().setName("write_min_interval_ops_per_second").setValue(iops))
        .addDistributions(distribution("write_latency_nanos", writeNanos, writeNanos * 2))
        .addDistributions(distribution("sync_latency_nanos", syncNanos, syncNanos * 3));
  }

  /** A failed {@code cpu.compute} run as the agent reports it: no params, times or values. */
  static ProbeResult.Builder failedCompute(RunStatus status) {
    return ProbeResult.newBuilder()
        .setRunId("run-x")
        .setKind(ProbeKind.PROBE_KIND_CPU)
        .setName("compute")
        .setStatus(status)
        .setStatusMessage("it broke")
        .setStealRatio(-1)
        .setProbeVersion("1");
  }

  /** A distribution with exact figures, from a histogram made like the agent's. */
  static Distribution distribution(String name, long... values) {
    Histogram histogram = new Histogram(TimeUnit.HOURS.toNanos(1), 3);
    histogram.setAutoResize(true);
    Arrays.stream(values).forEach(histogram::recordValue);
    return Distribution.newBuilder()
        .setName(name)
        .setCount(values.length)
        .setSum(Arrays.stream(values).sum())
        .setMin(Arrays.stream(values).min().orElse(0))
        .setMax(Arrays.stream(values).max().orElse(0))
        .setHdrHistogram(encode(histogram))
        .build();
  }

  /** The plain encoding, as agents of protocol revision 2 send it. */
  static ByteString encode(Histogram histogram) {
    return ByteString.copyFrom(HdrEncoding.plain(histogram));
  }
}
