package io.guestbench.e2e.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU of a process by kind of thread (gRPC call threads, Netty event loops, the journal writer,
 * garbage collector, JIT compilers), from /proc/PID/task/TID/stat: where the collector's cores go
 * beyond what a Java profiler samples (native GC and compiler threads, kernel time).
 */
final class ThreadCpu {
  private static final Pattern NUMBERED = Pattern.compile("([-#_ ]?\\d+)+$");

  private ThreadCpu() {}

  /** utime + stime in clock ticks, summed over the threads of each {@link #kind}. */
  static Map<String, Long> ticksByKind(String pid) throws IOException {
    Map<String, Long> ticks = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (NoSuchFileException e) {
          continue; // the thread ended since the listing
        }
        ticks.merge(kind(comm(stat)), ProcStat.parse(stat).cpuTicks(), Long::sum);
      }
    }
    return ticks;
  }

  /** The thread name in a stat line: between the first '(' and the last ')'. */
  static String comm(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  /** A thread name without its numbers: "grpc-call-3" and "grpc-call-0" are both "grpc-call". */
  static String kind(String comm) {
    String kind = NUMBERED.matcher(comm).replaceFirst("");
    return kind.isEmpty() ? comm : kind;
  }

  /** What each kind used between two readings, in cores, largest first, as one line. */
  static String cores(Map<String, Long> before, Map<String, Long> after, double ticksPerSecond) {
    StringBuilder line = new StringBuilder();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                line.append(line.isEmpty() ? "" : ", ")
                    .append(e.getKey())
                    .append(' ')
                    .append(String.format("%.2f", e.getValue() / ticksPerSecond)));
    return line.isEmpty() ? "none" : line.toString();
  }
}
