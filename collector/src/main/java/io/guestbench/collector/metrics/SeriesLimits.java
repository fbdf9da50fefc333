package io.guestbench.collector.metrics;

/**
 * How many probe series the collector exposes at most: per agent, and in total.
 *
 * @param perAgent series one agent's results may create
 * @param global series all agents' results may create together
 */
public record SeriesLimits(long perAgent, long global) {
  /** Room for every probe configuration of a long plan, and for 1,000 such agents at 20 each. */
  public static final SeriesLimits DEFAULT = new SeriesLimits(5_000, 200_000);

  public SeriesLimits {
    if (perAgent < 1 || global < perAgent) {
      throw new IllegalArgumentException(
          "series limits: " + perAgent + " per agent, " + global + " in total");
    }
  }
}
