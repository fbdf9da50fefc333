package io.guestbench.agent.probe.disk;

import java.util.Objects;

/**
 * Whether writes are followed by a flush to stable storage: after every {@code every} writes a job
 * calls {@code fsync} or {@code fdatasync}, like fio's options of the same names.
 *
 * @param call which flush, or {@link Call#NONE}
 * @param every writes between flushes; 0 exactly when there is no flush
 */
public record SyncPolicy(Call call, int every) {
  /** No flushes. */
  public static final SyncPolicy NONE = new SyncPolicy(Call.NONE, 0);

  /** The flush call. */
  public enum Call {
    NONE("none"),
    FSYNC("fsync"),
    FDATASYNC("fdatasync");

    private final String label;

    Call(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public SyncPolicy {
    Objects.requireNonNull(call, "call");
    if (every < 0 || (call == Call.NONE) != (every == 0)) {
      throw new IllegalArgumentException(call.label() + " every " + every);
    }
  }

  /** Whether the job flushes at all. */
  public boolean enabled() {
    return call != Call.NONE;
  }
}
