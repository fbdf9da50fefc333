package io.guestbench.agent.probe.mem;

import java.util.Arrays;
import java.util.List;

/**
 * The STREAM kernels the bandwidth probe runs, with STREAM's byte counting: every array element
 * read or written counts once (the write-allocate read a CPU may add is not counted).
 */
public enum StreamKernel {
  /** {@code b[i] = a[i]}: 16 bytes per element. */
  COPY("copy", 2),
  /** {@code a[i] = b[i] + s * c[i]}: 24 bytes per element. */
  TRIAD("triad", 3);

  private final String label;
  private final int arrays;

  StreamKernel(String label, int arrays) {
    this.label = label;
    this.arrays = arrays;
  }

  public String label() {
    return label;
  }

  /** How many arrays the kernel touches, each read or written once per element. */
  public int arrays() {
    return arrays;
  }

  /** Bytes one pass over arrays of {@code elements} doubles moves. */
  public long bytesPerPass(long elements) {
    return elements * Double.BYTES * arrays;
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(StreamKernel::label).toList();
  }

  public static StreamKernel byLabel(String label) {
    return Arrays.stream(values())
        .filter(k -> k.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no kernel " + label));
  }
}
