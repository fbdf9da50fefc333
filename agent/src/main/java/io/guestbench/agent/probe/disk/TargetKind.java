package io.guestbench.agent.probe.disk;

/** What a job's I/O went to, as its results say ({@code target} parameter). */
public enum TargetKind {
  /** A file the job created, laid out and removed. */
  SCRATCH("scratch"),
  /** An existing regular file, used as it was ({@code allow_existing}). */
  FILE("file"),
  /** A block device ({@code allow_existing}, and {@code allow_destructive} for writes). */
  DEVICE("device");

  private final String label;

  TargetKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
