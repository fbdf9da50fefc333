package io.guestbench.agent.probe.disk;

import java.util.Arrays;
import java.util.List;

/** The I/O pattern, named as fio's {@code rw} option names it. */
public enum Rw {
  READ("read", false, true, false),
  WRITE("write", false, false, true),
  RANDREAD("randread", true, true, false),
  RANDWRITE("randwrite", true, false, true),
  RANDRW("randrw", true, true, true);

  private final String label;
  private final boolean random;
  private final boolean reads;
  private final boolean writes;

  Rw(String label, boolean random, boolean reads, boolean writes) {
    this.label = label;
    this.random = random;
    this.reads = reads;
    this.writes = writes;
  }

  /** The parameter value, for example {@code randread}. */
  public String label() {
    return label;
  }

  /** Whether offsets are drawn at random rather than walked in order. */
  public boolean random() {
    return random;
  }

  public boolean reads() {
    return reads;
  }

  public boolean writes() {
    return writes;
  }

  /** Every label, in declaration order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(Rw::label).toList();
  }

  /** The pattern named {@code label}; see {@link #labels()}. */
  public static Rw byLabel(String label) {
    return Arrays.stream(values())
        .filter(r -> r.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no rw " + label));
  }
}
