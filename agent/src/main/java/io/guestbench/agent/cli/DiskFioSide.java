package io.guestbench.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guestbench.agent.probe.disk.IntervalFigures;
import io.guestbench.agent.probe.disk.JobReport;
import java.util.List;
import java.util.Locale;

/** One direction of the fio-shaped JSON: totals, latency blocks, per-interval IOPS and bw. */
final class DiskFioSide {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DiskFioSide() {}

  static ObjectNode direction(
      JobReport.Direction d,
      long nanos,
      List<IntervalFigures> intervals,
      boolean read,
      double[] percentiles) {
    ObjectNode n = JSON.createObjectNode();
    double bytesPerSecond = d.bytesPerSecond(nanos);
    n.put("io_bytes", d.bytes());
    n.put("io_kbytes", d.bytes() / 1024);
    n.put("bw_bytes", Math.round(bytesPerSecond));
    n.put("bw", Math.round(bytesPerSecond / 1024)); // fio's bw is KiB/s
    n.put("iops", DiskFio.round(d.iops(nanos)));
    n.put("runtime", d.ops() == 0 ? 0 : nanos / 1_000_000L);
    n.put("total_ios", d.ops());
    n.put("short_ios", 0);
    n.put("drop_ios", 0);
    n.set("slat_ns", DiskFio.stats(d.slat()));
    n.set("clat_ns", latency(new Latency(d.clat()), percentiles));
    n.set("lat_ns", DiskFio.stats(d.lat()));
    List<IntervalFigures> samples =
        d.ops() == 0 ? List.of() : DiskFio.representative(intervals); // fio: none when idle
    perInterval(n, samples, read, d.ops() == 0 ? 0 : d.bytes() / d.ops());
    return n;
  }

  /** A latency block with fio's keys and, when there is anything, its percentile map. */
  static ObjectNode latency(Latency l, double[] percentiles) {
    ObjectNode n = JSON.createObjectNode();
    n.put("min", l.min());
    n.put("max", l.max());
    n.put("mean", DiskFio.round(l.mean()));
    n.put("stddev", DiskFio.round(l.stddev()));
    n.put("N", l.count());
    if (l.count() > 0) {
      ObjectNode p = n.putObject("percentile");
      for (double percent : percentiles) {
        p.put(String.format(Locale.ROOT, "%.6f", percent), l.at(percent));
      }
    }
    return n;
  }

  /** fio's bw_* (KiB/s) and iops_* figures over the per-second samples. */
  private static void perInterval(
      ObjectNode n, List<IntervalFigures> intervals, boolean read, long bs) {
    double[] iops = intervals.stream().mapToDouble(i -> i.iops(read)).toArray();
    double min = iops.length == 0 ? 0 : java.util.Arrays.stream(iops).min().orElse(0);
    double max = iops.length == 0 ? 0 : java.util.Arrays.stream(iops).max().orElse(0);
    double mean = java.util.Arrays.stream(iops).average().orElse(0);
    double dev =
        Math.sqrt(
            java.util.Arrays.stream(iops).map(v -> (v - mean) * (v - mean)).average().orElse(0));
    n.put("bw_min", Math.round(min * bs / 1024));
    n.put("bw_max", Math.round(max * bs / 1024));
    n.put("bw_agg", iops.length == 0 ? 0.0 : 100.0);
    n.put("bw_mean", DiskFio.round(mean * bs / 1024));
    n.put("bw_dev", DiskFio.round(dev * bs / 1024));
    n.put("bw_samples", iops.length);
    n.put("iops_min", Math.round(min));
    n.put("iops_max", Math.round(max));
    n.put("iops_mean", DiskFio.round(mean));
    n.put("iops_stddev", DiskFio.round(dev));
    n.put("iops_samples", iops.length);
  }
}
