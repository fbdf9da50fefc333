package io.guestbench.agent.probe.disk;

import java.util.Arrays;
import java.util.List;

/** How requests reach the kernel. */
public enum Engine {
  /** One positional {@code pread}/{@code pwrite} at a time per job, like fio's psync. */
  SYNC("sync"),
  /**
   * Linux native AIO ({@code io_submit}/{@code io_getevents}), like fio's libaio: iodepth requests
   * stay in flight. Works on kernels from 2.6 on, which old PV guests run.
   */
  AIO("aio");

  private final String label;

  Engine(String label) {
    this.label = label;
  }

  /** The parameter value, for example {@code aio}. */
  public String label() {
    return label;
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(Engine::label).toList();
  }

  public static Engine byLabel(String label) {
    return Arrays.stream(values())
        .filter(e -> e.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no engine " + label));
  }
}
