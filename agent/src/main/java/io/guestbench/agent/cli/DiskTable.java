package io.guestbench.agent.cli;

import io.guestbench.agent.probe.disk.DiskJob;
import io.guestbench.agent.probe.disk.Human;
import io.guestbench.agent.probe.disk.IntervalFigures;
import io.guestbench.agent.probe.disk.JobReport;
import io.guestbench.common.text.ByteSizes;
import io.guestbench.common.text.Durations;
import io.guestbench.proto.v1.Distribution;
import java.util.List;
import java.util.Locale;

/** The {@code disk} command's report for people: the job, the setup, one row per direction. */
final class DiskTable {
  private static final String ROW = "%-9s %9s %12s %9s %9s %9s %9s %9s%n";

  private DiskTable() {}

  static String render(JobReport r) {
    StringBuilder out = new StringBuilder();
    out.append(describe(r.job())).append(System.lineSeparator());
    out.append("setup: ").append(r.setup()).append(System.lineSeparator());
    out.append(
        String.format(
            Locale.ROOT, ROW, "", "IOPS", "bandwidth", "p50", "p90", "p99", "p99.9", "max"));
    long nanos = r.measuredNanos();
    if (r.job().rw().reads()) {
      row(out, "read", r.read().iops(nanos), r.read().bytesPerSecond(nanos), r.read().clat());
    }
    if (r.job().rw().writes()) {
      row(out, "write", r.write().iops(nanos), r.write().bytesPerSecond(nanos), r.write().clat());
    }
    if (r.job().sync().enabled()) {
      row(out, r.job().sync().call().label(), -1, -1, r.sync());
    }
    out.append(intervals(r)).append(System.lineSeparator());
    out.append(
        String.format(
            Locale.ROOT,
            "queue: up to %d in flight; steal %s; errors %d%n",
            r.depth().max(),
            r.stealRatio() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * r.stealRatio()),
            r.errors().count()));
    if (r.errors().count() > 0) {
      out.append("first error: ").append(r.errors().first()).append(System.lineSeparator());
    }
    if (!r.cleanup().isEmpty()) {
      out.append("cleanup: ").append(r.cleanup()).append(System.lineSeparator());
    }
    return out.toString();
  }

  /** The job in one line, with fio's option names. */
  static String describe(DiskJob j) {
    return String.format(
        Locale.ROOT,
        "disk.job rw=%s%s bs=%s size=%s iodepth=%d numjobs=%d direct=%d engine=%s runtime=%s"
            + " ramp=%s%s%s",
        j.rw().label(),
        j.rw().reads() && j.rw().writes() ? " rwmixread=" + j.rwmixread() : "",
        ByteSizes.format(j.bs()),
        ByteSizes.format(j.size()),
        j.iodepth(),
        j.numjobs(),
        j.direct() ? 1 : 0,
        j.engine().label(),
        Durations.format(j.runtime()),
        Durations.format(j.ramp()),
        j.sync().enabled() ? " " + j.sync().call().label() + "=" + j.sync().every() : "",
        " verify=" + j.verify().label());
  }

  private static void row(StringBuilder out, String what, double iops, double bw, Distribution d) {
    Latency l = new Latency(d);
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            what,
            iops < 0 ? Human.count(l.count()) + " op" : Human.count(iops),
            bw < 0 ? "" : Human.bytes(bw) + "/s",
            nanos(l, 50),
            nanos(l, 90),
            nanos(l, 99),
            nanos(l, 99.9),
            l.count() == 0 ? "-" : Human.nanos(l.max())));
  }

  private static String nanos(Latency l, double percent) {
    return l.count() == 0 ? "-" : Human.nanos(l.at(percent));
  }

  private static String intervals(JobReport r) {
    List<IntervalFigures> all = IntervalFigures.representative(r.intervals());
    StringBuilder line =
        new StringBuilder("intervals: ").append(all.size()).append(" of about 1 s");
    for (boolean read : new boolean[] {true, false}) {
      if (read ? r.job().rw().reads() : r.job().rw().writes()) {
        double min = all.stream().mapToDouble(i -> i.iops(read)).min().orElse(0);
        double max = all.stream().mapToDouble(i -> i.iops(read)).max().orElse(0);
        line.append("; ")
            .append(read ? "read" : "write")
            .append(" IOPS ")
            .append(Human.count(min))
            .append("..")
            .append(Human.count(max));
      }
    }
    return line.toString();
  }
}
