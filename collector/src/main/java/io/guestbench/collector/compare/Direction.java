package io.guestbench.collector.compare;

import java.util.List;
import java.util.Set;

/**
 * Whether a bigger value of a metric is better, and whether better means faster, read from the
 * collector catalogue's naming conventions ({@code _per_second} rates, {@code _seconds}, {@code
 * _nanos}, {@code _picos} times, {@code _ratio} fractions). It fails closed: a name it does not
 * recognise is {@link #UNKNOWN}, and the verdict then says higher or lower, never faster or better.
 */
public enum Direction {
  /** A rate of work (ops, bytes, transactions per second): more is faster. */
  HIGHER_IS_FASTER,
  /** A time per operation (latency, round trip, cost of a call): less is faster. */
  LOWER_IS_FASTER,
  /** A measure of trouble or unsteadiness (loss, reordering, jitter, retransmits, CoV). */
  LOWER_IS_BETTER,
  /** Not known, so no faster/slower or better/worse verdict. */
  UNKNOWN;

  /** Trouble and quality measures that are not speeds; checked before the unit suffixes. */
  private static final List<String> TROUBLE =
      List.of(
          "loss_ratio",
          "reordered_ratio",
          "jitter",
          "retransmitted_segments",
          "duplicate_datagrams",
          "cov_ratio",
          // A clock's step: finer is better, but it is not a speed.
          "resolution_seconds");

  /** Names that look like speeds or times but are not outcomes: set by config or 0/1 flags. */
  private static final List<String> NOT_OUTCOMES =
      List.of(
          "udp_sent_bytes", // net.udp's offered rate, chosen by its bitrate parameter
          "syscall_fallback",
          "checksum");

  private static final Set<String> TIME_UNITS = Set.of("seconds", "nanos", "picos", "latency");

  /**
   * The direction of a metric named as in the collector's catalogue, either the family name (for
   * example {@code guestbench_disk_read_ops_per_second}) or the probe's scalar or distribution name
   * ({@code read_latency_nanos}); a quantile suffix such as {@code _p99} is allowed.
   */
  public static Direction of(String metric) {
    String name = metric.toLowerCase(java.util.Locale.ROOT);
    if (NOT_OUTCOMES.stream().anyMatch(name::contains)) {
      return UNKNOWN;
    }
    if (TROUBLE.stream().anyMatch(name::contains)) {
      return LOWER_IS_BETTER;
    }
    List<String> tokens = List.of(name.split("[_:.]"));
    if (name.contains("_per_second")) {
      return HIGHER_IS_FASTER;
    }
    return tokens.stream().anyMatch(TIME_UNITS::contains) ? LOWER_IS_FASTER : UNKNOWN;
  }
}
