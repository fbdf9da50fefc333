package io.guestbench.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guestbench.agent.probe.disk.DiskJob;
import io.guestbench.agent.probe.disk.IntervalFigures;
import io.guestbench.agent.probe.disk.JobReport;
import io.guestbench.agent.probe.disk.Stats;
import io.guestbench.common.text.Durations;
import java.util.List;
import java.util.Locale;

/**
 * The {@code disk} command's JSON, shaped after fio's {@code --output-format=json} so tools that
 * read fio's ({@code jobs[0].read.iops}, {@code bw_bytes}, {@code clat_ns.percentile["99.000000"]},
 * {@code sync.lat_ns}, {@code iodepth_level}) read it too. What fio has no field for lives under
 * {@code jobs[0].guestbench}.
 */
final class DiskFio {
  /** fio's default percentile list. */
  private static final double[] PERCENTILES = {
    1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99, 99.5, 99.9, 99.95, 99.99
  };

  private static final ObjectMapper JSON = new ObjectMapper();

  private DiskFio() {}

  static String render(JobReport r, String version) {
    ObjectNode root = JSON.createObjectNode();
    root.put("guestbench version", version);
    root.put("timestamp", r.startWallNanos() / 1_000_000_000L);
    root.put("timestamp_ms", r.startWallNanos() / 1_000_000L);
    ObjectNode job = root.putArray("jobs").addObject();
    job.put("jobname", "disk.job");
    job.put("groupid", 0);
    job.put("error", r.errors().firstErrno());
    job.set("job options", options(r.job()));
    long nanos = r.measuredNanos();
    job.set("read", DiskFioSide.direction(r.read(), nanos, r.intervals(), true, PERCENTILES));
    job.set("write", DiskFioSide.direction(r.write(), nanos, r.intervals(), false, PERCENTILES));
    ObjectNode sync = job.putObject("sync");
    sync.put("total_ios", r.sync().getCount());
    sync.set("lat_ns", DiskFioSide.latency(new Latency(r.sync()), PERCENTILES));
    job.put("job_runtime", nanos / 1_000_000L);
    ObjectNode levels = job.putObject("iodepth_level");
    long[] counts = r.depth().levels();
    long total = java.util.Arrays.stream(counts).sum();
    for (int i = 0; i < counts.length; i++) {
      levels.put(JobReport.Depth.LEVELS.get(i), total == 0 ? 0 : 100.0 * counts[i] / total);
    }
    job.set("guestbench", extras(r));
    return root.toPrettyString();
  }

  private static ObjectNode options(DiskJob j) {
    ObjectNode o = JSON.createObjectNode();
    o.put("rw", j.rw().label());
    if (j.rw().reads() && j.rw().writes()) {
      o.put("rwmixread", Integer.toString(j.rwmixread()));
    }
    o.put("bs", Long.toString(j.bs()));
    o.put("size", Long.toString(j.size()));
    o.put("iodepth", Integer.toString(j.iodepth()));
    o.put("numjobs", Integer.toString(j.numjobs()));
    o.put("direct", j.direct() ? "1" : "0");
    o.put("engine", j.engine().label());
    o.put("runtime", Durations.format(j.runtime()));
    o.put("ramp", Durations.format(j.ramp()));
    if (j.sync().enabled()) {
      o.put(j.sync().call().label(), Integer.toString(j.sync().every()));
    }
    o.put("verify", j.verify().label());
    o.put("seed", Long.toString(j.seed()));
    return o;
  }

  private static ObjectNode extras(JobReport r) {
    ObjectNode g = JSON.createObjectNode();
    g.put("target", r.target().label());
    g.put("setup", r.setup());
    if (r.stealRatio() < 0) {
      g.putNull("steal_ratio"); // unknown, which is not the same as no steal
    } else {
      g.put("steal_ratio", r.stealRatio());
    }
    g.put("errors", r.errors().count());
    g.put("first_error", r.errors().first());
    g.put("max_in_flight", r.depth().max());
    g.put("cleanup", r.cleanup());
    var list = g.putArray("intervals");
    for (IntervalFigures i : r.intervals()) {
      ObjectNode n = list.addObject();
      n.put("start_ms", i.startNanos() / 1_000_000L);
      n.put("duration_ms", i.nanos() / 1_000_000L);
      side(n, "read", i.iops(true), i.read(), r.job().rw().reads());
      side(n, "write", i.iops(false), i.write(), r.job().rw().writes());
    }
    return g;
  }

  private static void side(
      ObjectNode n, String name, double iops, IntervalFigures.Side s, boolean on) {
    if (on) {
      n.put(name + "_iops", round(iops));
      n.put(name + "_clat_p50_ns", s.p50());
      n.put(name + "_clat_p99_ns", s.p99());
      n.put(name + "_clat_max_ns", s.max());
    }
  }

  /** Six decimals, as fio prints its floating-point figures. */
  static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.6f", v));
  }

  /** The slat and lat blocks: fio's keys, no percentiles. */
  static ObjectNode stats(Stats s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("min", s.min());
    n.put("max", s.max());
    n.put("mean", round(s.mean()));
    n.put("stddev", round(s.stddev()));
    n.put("N", s.count());
    return n;
  }

  static List<IntervalFigures> representative(List<IntervalFigures> all) {
    return IntervalFigures.representative(all);
  }
}
