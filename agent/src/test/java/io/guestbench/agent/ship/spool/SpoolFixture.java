package io.guestbench.agent.ship.spool;

import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens spools on one directory with a hand-driven clock; the background tick never runs (tests
 * call {@link Spool#tick} themselves). Reopening after a "crash" simply abandons the old instance
 * without closing it, which is what a killed process does to the files.
 */
final class SpoolFixture implements AutoCloseable {
  static final String AGENT = "agent-1";

  final Path root;
  final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);
  final FaultyStorage storage = new FaultyStorage();
  private final ManualScheduler never = new ManualScheduler();
  private final List<Spool> opened = new ArrayList<>();
  long maxBytes = 1L << 30;
  Duration maxAge = Duration.ofDays(7);
  Duration fsyncInterval = Duration.ZERO;
  long segmentBytes = 4096;
  long memoryBytes = 1L << 20;

  SpoolFixture(Path root) {
    this.root = root;
  }

  Spool open() throws Exception {
    SpoolSettings settings =
        new SpoolSettings(root, maxBytes, maxAge, fsyncInterval, segmentBytes, memoryBytes);
    Spool spool = new Spool(settings, AGENT, storage, clock, never);
    spool.start();
    opened.add(spool);
    return spool;
  }

  Path dir() {
    return root.resolve(AGENT);
  }

  /** Simulates kill -9: the instance is abandoned with its files as they are; its lock goes. */
  Spool crashAndReopen() throws Exception {
    storage.releaseLocks();
    return open();
  }

  /** Simulates power loss: unsynced data is lost, except {@code keep} bytes of {@code torn}. */
  Spool powerLossAndReopen(Path torn, long keep) throws Exception {
    storage.releaseLocks();
    storage.crash(torn, keep);
    return open();
  }

  static List<ProbeResult> results(String runId, int n) {
    List<ProbeResult> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ProbeResult.newBuilder().setRunId(runId).setName("r" + i).build());
    }
    return out;
  }

  @Override
  public void close() {
    opened.clear();
  }
}
