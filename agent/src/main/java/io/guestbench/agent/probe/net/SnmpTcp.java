package io.guestbench.agent.probe.net;

import io.guestbench.agent.host.HostFiles;

/**
 * The host's TCP counters from {@code /proc/net/snmp}: a fallback where TCP_INFO is unreachable.
 */
final class SnmpTcp {
  private SnmpTcp() {}

  /** RetransSegs: TCP segments this host retransmitted since boot, or -1 when unreadable. */
  static long retransmittedSegments(HostFiles host) {
    return host.read("/proc/net/snmp").map(SnmpTcp::retransSegs).orElse(-1L);
  }

  /**
   * The RetransSegs field of the {@code Tcp:} lines (a header line naming the fields, then a line
   * of values), or -1 when the text has none.
   */
  static long retransSegs(String snmp) {
    String[] names = null;
    for (String line : snmp.split("\n")) {
      if (!line.startsWith("Tcp:")) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      if (names == null) {
        names = fields;
        continue;
      }
      for (int i = 1; i < Math.min(names.length, fields.length); i++) {
        if (names[i].equals("RetransSegs")) {
          try {
            return Long.parseLong(fields[i]);
          } catch (NumberFormatException e) {
            return -1;
          }
        }
      }
      return -1;
    }
    return -1;
  }
}
