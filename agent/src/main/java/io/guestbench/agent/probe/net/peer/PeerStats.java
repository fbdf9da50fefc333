package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.Violation;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * What a peer has seen since it started: tests served, refused and busy answers, and connections or
 * datagrams dropped for breaking the protocol, by reason. Thread-safe.
 */
public final class PeerStats {
  private static final Logger log = Logger.getLogger(PeerStats.class.getName());

  private final LongAdder connections = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder busy = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final Map<Violation, LongAdder> violations = new EnumMap<>(Violation.class);

  PeerStats() {
    for (Violation v : Violation.values()) {
      violations.put(v, new LongAdder());
    }
  }

  void connection() {
    connections.increment();
  }

  void accepted() {
    accepted.increment();
  }

  void busy() {
    busy.increment();
  }

  void refused(String reason) {
    refused.increment();
    log.fine(() -> "refused a test: " + reason);
  }

  /**
   * Counts a dropped connection or datagram. Logs the 1st, 2nd, 4th, 8th... of each reason, so a
   * flood is visible without flooding the log.
   */
  void violation(Violation violation, String from, String preview) {
    LongAdder counter = violations.get(violation);
    counter.increment();
    long n = counter.sum();
    if (Long.bitCount(n) == 1) {
      log.warning(
          () ->
              "dropped "
                  + from
                  + ": "
                  + violation.label()
                  + (preview.isEmpty() ? "" : " (it sent \"" + preview + "\")")
                  + "; "
                  + n
                  + " so far");
    }
  }

  public long violations(Violation violation) {
    return violations.get(violation).sum();
  }

  public long testsAccepted() {
    return accepted.sum();
  }

  public long busyAnswers() {
    return busy.sum();
  }

  public long refusals() {
    return refused.sum();
  }

  /** Every counter by name, zeros left out; for a summary line. */
  public Map<String, Long> summary() {
    Map<String, Long> all = new LinkedHashMap<>();
    all.put("connections", connections.sum());
    all.put("tests", accepted.sum());
    all.put("busy", busy.sum());
    all.put("refused", refused.sum());
    violations.forEach((v, n) -> all.put("dropped_" + v.label(), n.sum()));
    all.values().removeIf(n -> n == 0);
    return all;
  }
}
