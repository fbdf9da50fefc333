package io.guestbench.agent.probe.os;

import io.guestbench.agent.host.HostFiles;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The transparent huge page mode, which decides whether touching fresh memory faults per 4 KiB. */
public final class Thp {
  static final String ENABLED = "/sys/kernel/mm/transparent_hugepage/enabled";

  /** What a result can say; {@code unknown} where the file is missing (no THP in the kernel). */
  public static final List<String> MODES = List.of("always", "madvise", "never", "unknown");

  private static final Pattern SELECTED = Pattern.compile("\\[([a-z]+)]");

  private Thp() {}

  /**
   * The selected mode in the file's text, for example {@code madvise} in {@code always [madvise]
   * never}.
   */
  public static String parse(String enabled) {
    Matcher m = SELECTED.matcher(enabled);
    if (m.find() && MODES.contains(m.group(1))) {
      return m.group(1);
    }
    return "unknown";
  }

  /** The host's mode. */
  public static String mode(HostFiles host) {
    return host.read(ENABLED).map(Thp::parse).orElse("unknown");
  }
}
