package io.guestbench.agent.probe.method;

import io.guestbench.agent.probe.Samples;
import java.util.Objects;

/**
 * What the measured phase saw of one subject.
 *
 * @param name the subject's name
 * @param picosPerOp one sample per timed batch: its time over its operations, in picoseconds so
 *     that operations of a few nanoseconds keep their fractions
 * @param ops operations in all timed batches
 * @param nanos time of all timed batches
 * @param unitsPerBatch units in each timed batch
 * @param opsPerUnit operations one unit counts as
 */
public record Measured(
    String name, Samples picosPerOp, long ops, long nanos, long unitsPerBatch, long opsPerUnit) {
  public Measured {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(picosPerOp, "picosPerOp");
    if (ops < 0 || nanos < 0 || unitsPerBatch < 1 || opsPerUnit < 1) {
      throw new IllegalArgumentException(name + ": " + ops + " ops in " + nanos + " ns");
    }
  }

  /** The mean time per operation over the whole measured phase; NaN before any operation. */
  public double nanosPerOp() {
    return ops == 0 ? Double.NaN : nanos / (double) ops;
  }

  /** Operations in each timed batch. */
  public long opsPerBatch() {
    return unitsPerBatch * opsPerUnit;
  }
}
