package io.guestbench.agent.probe;

import io.guestbench.agent.host.HostFiles;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Samples the host's CPU time counters from {@code /proc/stat} so a probe can say what fraction of
 * CPU time the hypervisor stole while it measured.
 */
public final class StealSampler {
  /** Fields of the aggregate line up to and including steal: user .. steal (Linux 2.6.11+). */
  private static final int FIELDS_THROUGH_STEAL = 8;

  private final HostFiles host;

  @Inject
  public StealSampler(HostFiles host) {
    this.host = Objects.requireNonNull(host, "host");
  }

  /** The counters now, or {@link Snapshot#UNKNOWN} when they cannot be read. */
  public Snapshot sample() {
    return host.read("/proc/stat").map(StealSampler::parse).orElse(Snapshot.UNKNOWN);
  }

  /**
   * Stolen time over all CPU time between two samples, 0..1; -1 when either sample is unknown or no
   * CPU time passed between them.
   */
  public double stealRatio(Snapshot before, Snapshot after) {
    if (!before.known() || !after.known()) {
      return -1;
    }
    long total = after.total() - before.total();
    long steal = after.steal() - before.steal();
    if (total <= 0 || steal < 0 || steal > total) {
      return -1; // no time passed, or the counters went backwards (a reboot between samples)
    }
    return (double) steal / total;
  }

  /**
   * The counters in the aggregate {@code cpu} line of {@code /proc/stat} text; unknown when the
   * line is missing, malformed or from a kernel without the steal field.
   */
  public static Snapshot parse(String procStat) {
    for (String line : procStat.split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields[0].equals("cpu")) {
        return parseCpuLine(fields);
      }
    }
    return Snapshot.UNKNOWN;
  }

  private static Snapshot parseCpuLine(String[] fields) {
    if (fields.length < 1 + FIELDS_THROUGH_STEAL) {
      return Snapshot.UNKNOWN;
    }
    long total = 0;
    long value = 0;
    try {
      // guest and guest_nice are already counted in user and nice, so the total stops at steal.
      for (int i = 1; i <= FIELDS_THROUGH_STEAL; i++) {
        value = Long.parseLong(fields[i]);
        if (value < 0) {
          return Snapshot.UNKNOWN;
        }
        total = Math.addExact(total, value);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      return Snapshot.UNKNOWN;
    }
    return new Snapshot(total, value); // the last field read is steal
  }

  /**
   * Cumulative CPU time counters, in USER_HZ ticks summed over all CPUs.
   *
   * @param total user + nice + system + idle + iowait + irq + softirq + steal, or -1 when unknown
   * @param steal time stolen by the hypervisor, or -1 when unknown
   */
  public record Snapshot(long total, long steal) {
    /** Counters that could not be read. */
    public static final Snapshot UNKNOWN = new Snapshot(-1, -1);

    public Snapshot {
      boolean unknown = total == -1 && steal == -1;
      if (!unknown && (steal < 0 || steal > total)) {
        throw new IllegalArgumentException("steal " + steal + " not within 0.." + total);
      }
    }

    /** Whether the counters were read. */
    public boolean known() {
      return total >= 0;
    }
  }
}
