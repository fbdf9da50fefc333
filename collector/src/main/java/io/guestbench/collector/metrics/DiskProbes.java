package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.ProbeKind;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalogue entries of the disk probes. Read and write are separate families, as DESIGN.md wants;
 * the job's shape (pattern, block size, queue depth, engine, threads, O_DIRECT, flushes) is the
 * label set, every label bounded by a pattern that admits only the agent's own limits.
 */
final class DiskProbes {
  /** 512 B to 64 MiB, in bytes: the agent's block size bounds. */
  static final String BS_BYTES = "[1-9][0-9]{2,7}";

  /** 1..1024, the agent's queue depth bounds. */
  static final String IODEPTH = "[1-9]|[1-9][0-9]|[1-9][0-9]{2}|10[01][0-9]|102[0-4]";

  /** 1..64 threads. */
  static final String NUMJOBS = "[1-9]|[1-5][0-9]|6[0-4]";

  private static final String PROBE = "disk job probe";

  private DiskProbes() {}

  /** {@code disk.job}: one fio-style job, its IOPS, bandwidth and latency per direction. */
  static ProbeSpec job() {
    List<ParamSpec> params =
        List.of(
            ParamSpec.label("rw", "read|write|randread|randwrite|randrw"),
            ParamSpec.label("bs_bytes", BS_BYTES),
            ParamSpec.label("iodepth", IODEPTH),
            ParamSpec.label("engine", "sync|aio"),
            ParamSpec.label("numjobs", NUMJOBS),
            ParamSpec.label("direct", "0|1"),
            ParamSpec.label("sync", "none|fsync|fdatasync"),
            // Writes between flushes: 0 with sync none, else up to the agent's bound of 1e6.
            ParamSpec.label("sync_every", "0|[1-9][0-9]{0,5}|1000000"),
            ParamSpec.setting("rwmixread", "[0-9]|[1-9][0-9]|100"),
            ParamSpec.setting("size_bytes", "[1-9][0-9]{2,13}"),
            ParamSpec.setting("runtime", CpuProbes.DURATION),
            ParamSpec.setting("ramp", CpuProbes.DURATION),
            ParamSpec.setting("verify", "none|crc32c"),
            ParamSpec.setting("seed", "[0-9]{1,19}"),
            ParamSpec.setting("target", "scratch|file|device"));
    List<String> labels = ProbeSpec.valueLabelNames(params);
    List<GaugeSpec> gauges = new ArrayList<>();
    List<HistogramSpec> histograms = new ArrayList<>();
    for (String side : List.of("read", "write")) {
      gauges.add(
          gauge(
              side + "_ops_per_second",
              labels,
              "Completed "
                  + side
                  + "s per second in the last ok run of the "
                  + PROBE
                  + ", over its"
                  + " measured phase (after the ramp)."));
      gauges.add(
          gauge(
              side + "_bytes_per_second",
              labels,
              "Bytes "
                  + (side.equals("read") ? "read" : "written")
                  + " per second in the last ok"
                  + " run of the "
                  + PROBE
                  + ", over its measured phase."));
      gauges.add(
          gauge(
              side + "_min_interval_ops_per_second",
              labels,
              "The slowest one-second interval's "
                  + side
                  + "s per second in the last ok run of the "
                  + PROBE
                  + ": a stall shows here while the mean hides it."));
      histograms.add(
          latency(
              side,
              labels,
              "Completion latency of each "
                  + side
                  + " (submission to completion, fio's clat) over"
                  + " all ok runs of the "
                  + PROBE
                  + "; bucketed from the agent's HdrHistogram."));
    }
    histograms.add(
        latency(
            "sync",
            labels,
            "Latency of each fsync or fdatasync the "
                + PROBE
                + " issued after writes, over all ok"
                + " runs; bucketed from the agent's HdrHistogram."));
    return new ProbeSpec(ProbeKind.PROBE_KIND_DISK, "job", params, gauges, histograms);
  }

  private static GaugeSpec gauge(String scalar, List<String> labels, String help) {
    return new GaugeSpec(
        scalar, new Family("guestbench_disk_" + scalar, MetricType.GAUGE, help, null, labels));
  }

  private static HistogramSpec latency(String side, List<String> labels, String help) {
    Family family =
        new Family(
            "guestbench_disk_" + side + "_latency_seconds",
            MetricType.HISTOGRAM,
            help,
            Unit.SECONDS,
            labels);
    // 1 us (a cached read) to 10 s (a flush on a throttled volume).
    return new HistogramSpec(side + "_latency_nanos", family, 1e9, Buckets.oneTwoFive(-6, 1));
  }
}
