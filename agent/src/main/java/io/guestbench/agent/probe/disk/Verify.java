package io.guestbench.agent.probe.disk;

import java.util.Arrays;
import java.util.List;

/** Whether reads check what they read, like fio's {@code verify} option. */
public enum Verify {
  NONE("none"),
  /**
   * Every block carries a header (offset, seed) and a CRC32C of the block; reads check all three,
   * so a misdirected, torn or corrupted block is an error.
   */
  CRC32C("crc32c");

  private final String label;

  Verify(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(Verify::label).toList();
  }

  public static Verify byLabel(String label) {
    return Arrays.stream(values())
        .filter(v -> v.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no verify " + label));
  }
}
