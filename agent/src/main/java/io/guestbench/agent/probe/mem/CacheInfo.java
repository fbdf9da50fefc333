package io.guestbench.agent.probe.mem;

import io.guestbench.agent.host.HostFiles;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last-level cache and the memory size, which set how large the memory probes' working sets
 * must be to measure memory rather than cache. Parsers are pure; {@link #read} asks the host.
 *
 * @param llcBytes the largest data or unified cache of CPU 0, when sysfs lists it
 * @param memoryBytes MemTotal, when /proc/meminfo has it
 */
public record CacheInfo(OptionalLong llcBytes, OptionalLong memoryBytes) {
  static final String CACHE_DIR = "/sys/devices/system/cpu/cpu0/cache";

  private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})([KMG]?)");
  private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+([0-9]{1,15}) kB$");

  /** What the host says. */
  public static CacheInfo read(HostFiles host) {
    long best = -1;
    int bestLevel = -1;
    for (String index : host.list(CACHE_DIR)) {
      if (!index.startsWith("index")) {
        continue;
      }
      String dir = CACHE_DIR + "/" + index + "/";
      Optional<String> type = host.read(dir + "type").map(String::strip);
      OptionalLong size =
          host.read(dir + "size").map(CacheInfo::parseSize).orElse(OptionalLong.empty());
      int level = host.read(dir + "level").map(CacheInfo::parseLevel).orElse(-1);
      boolean holdsData = type.filter(t -> t.equals("Data") || t.equals("Unified")).isPresent();
      if (holdsData && size.isPresent() && level > bestLevel) {
        bestLevel = level;
        best = size.getAsLong();
      }
    }
    OptionalLong llc = best > 0 ? OptionalLong.of(best) : OptionalLong.empty();
    return new CacheInfo(
        llc, host.read("/proc/meminfo").map(CacheInfo::parseMemTotal).orElse(OptionalLong.empty()));
  }

  /** A sysfs cache size: {@code 32768K}, {@code 1M} or plain bytes. */
  public static OptionalLong parseSize(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    long shift =
        switch (m.group(2)) {
          case "K" -> 10;
          case "M" -> 20;
          case "G" -> 30;
          default -> 0;
        };
    long value = Long.parseLong(m.group(1));
    return value > Long.MAX_VALUE >> shift ? OptionalLong.empty() : OptionalLong.of(value << shift);
  }

  /** MemTotal from /proc/meminfo text, in bytes. */
  public static OptionalLong parseMemTotal(String meminfo) {
    Matcher m = MEM_TOTAL.matcher(meminfo);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
  }

  private static int parseLevel(String text) {
    String t = text.strip();
    return t.matches("[0-9]{1,2}") ? Integer.parseInt(t) : -1;
  }

  /**
   * The size for each of {@code arrays} equal buffers: {@code factor} times the last-level cache
   * (or {@code unknownLlc} when it is unknown), within {@code min..max}, and all of them together
   * at most a quarter of memory; whole cache lines.
   */
  public long workingSet(int arrays, long factor, long unknownLlc, long min, long max) {
    long wanted = llcBytes.isPresent() ? factor * llcBytes.getAsLong() : unknownLlc;
    long size = Math.clamp(wanted, min, max);
    if (memoryBytes.isPresent()) {
      size = Math.min(size, memoryBytes.getAsLong() / 4 / arrays);
    }
    return Math.max(64, size / 64 * 64);
  }
}
