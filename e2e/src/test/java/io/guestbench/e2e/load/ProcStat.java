package io.guestbench.e2e.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What /proc/PID/stat says of a process since it started: CPU time in user and kernel mode (clock
 * ticks) and page faults. Minor faults are first touches of memory the process was given (a growing
 * heap, new direct buffers); on some virtual machines each costs about ten microseconds of kernel
 * time, which shows up as busy cores that ack nothing.
 */
record ProcStat(long userTicks, long systemTicks, long minorFaults, long majorFaults) {

  static ProcStat of(String pid) throws IOException {
    return parse(Files.readString(Path.of("/proc", pid, "stat")));
  }

  /** Parses a /proc/PID/stat line; the command name may hold spaces and parentheses. */
  static ProcStat parse(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // proc(5) numbers the fields from 1 with the pid and (comm) as 1 and 2, so field n is f[n - 3].
    return new ProcStat(
        Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[7]), Long.parseLong(f[9]));
  }

  long cpuTicks() {
    return userTicks + systemTicks;
  }

  ProcStat minus(ProcStat earlier) {
    return new ProcStat(
        userTicks - earlier.userTicks,
        systemTicks - earlier.systemTicks,
        minorFaults - earlier.minorFaults,
        majorFaults - earlier.majorFaults);
  }
}
