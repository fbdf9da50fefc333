package io.guestbench.collector.metrics;

/**
 * Where {@link BucketingReader} puts counters. The first non-empty counter is placed by its value,
 * raised to the result's minimum and capped at its maximum, as {@link HistogramDelta#of} places it;
 * every later one by its index against the spec's {@link CounterBounds} segments, which is where
 * its lowest value would go, but never below the first counter's buckets (the checks then require
 * the minimum within the first counter and the maximum within the last, so clamping moves no other
 * counter).
 */
final class CounterPlacer {
  private final HistogramSpec spec;
  private final HdrLayout layout;
  private final CounterBounds bounds;
  private final long min;
  private final long max;
  private final BucketTally tally;
  private int firstClassic = -1; // none placed yet
  private int firstNative = -1; // none, or the first counter holds a recorded 0
  private boolean zeroRecorded; // the first counter is counter 0
  private int lowestNonZero = -1;
  private int segment;
  private long carried; // counts of the current segment's first counter, not yet added

  CounterPlacer(HistogramSpec spec, HdrLayout layout, long min, long max) {
    this.spec = spec;
    this.layout = layout;
    this.bounds = spec.counterBounds(layout);
    this.min = min;
    this.max = max;
    this.tally = new BucketTally(spec.classicBucketCount());
  }

  /**
   * Takes the {@code run} of counts since the last call, all in the current segment, and the value
   * at counter {@code counter}, which lies past that segment or is the first; returns the end of
   * the segment whose counters can go on into a run, 0 while every value must come here, -1 to
   * leave the payload to the library.
   */
  long enter(int counter, long count, long run) {
    if (firstClassic < 0) {
      return count == 0 ? 0 : placeFirst(counter, count);
    }
    if (lowestNonZero < 0 && zeroRecorded) {
      carried += run;
      if (count == 0) {
        return 0;
      }
      lowestNonZero = counter;
      run = 0;
    }
    add(carried + run);
    while (counter >= bounds.segmentEnd[segment]) {
      segment++;
    }
    carried = count; // added with the segment's run, one bucket update per segment
    return bounds.segmentEnd[segment];
  }

  private long placeFirst(int counter, long count) {
    if (min > max) {
      return -1; // the checks refuse it anyway; leave it to the library's path
    }
    long recorded = Math.clamp(layout.valueFromIndex(counter), min, max);
    firstClassic = spec.classicIndexFrom(0, spec.toBaseUnit(recorded));
    if (recorded != 0) {
      firstNative = NativeBuckets.index(spec.toBaseUnit(recorded)) - bounds.nativeFirst;
    }
    tally.add(firstClassic, firstNative, count);
    zeroRecorded = counter == 0;
    lowestNonZero = zeroRecorded ? -1 : counter;
    while (counter >= bounds.segmentEnd[segment]) {
      segment++;
    }
    return zeroRecorded ? 0 : bounds.segmentEnd[segment];
  }

  /** Takes the last run. */
  void finish(long run) {
    add(carried + run);
  }

  private void add(long count) {
    tally.add(
        Math.max(firstClassic, bounds.segmentClassic[segment]),
        Math.max(firstNative, bounds.segmentNative[segment]),
        count);
  }

  boolean placedAny() {
    return firstClassic >= 0;
  }

  long held() {
    return tally.held;
  }

  /** The histogram's minimum as the library reports it. */
  long lowest() {
    return zeroRecorded || tally.held == 0
        ? 0
        : lowestNonZero < 0 ? Long.MAX_VALUE : layout.minNonZeroValue(lowestNonZero);
  }

  HistogramDelta delta() {
    return tally.delta(bounds.nativeFirst);
  }
}
