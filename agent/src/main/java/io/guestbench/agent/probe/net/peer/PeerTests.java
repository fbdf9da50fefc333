package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.TestRequest;
import io.netty.channel.Channel;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests a peer is running, at most a fixed number at once. Test ids are random 64-bit values:
 * data connections and datagrams name their test by id, so an id must not be guessable.
 *
 * <p>A test holds its slot until it stops, not until its connections close: the client learns the
 * test is over from the result, and its next test must not find the slot still taken while the peer
 * has yet to see the old connection go.
 */
final class PeerTests {
  private final Map<Long, PeerTest> running = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final int limit;
  private int slotsHeld;

  PeerTests(int limit) {
    this.limit = limit;
  }

  /** A new test for {@code control}'s client, or null when the peer is full. */
  synchronized PeerTest reserve(TestRequest request, Channel control, long udpCapacity) {
    if (slotsHeld >= limit) {
      return null;
    }
    slotsHeld++;
    long id;
    do {
      id = random.nextLong();
    } while (id == 0 || running.containsKey(id));
    long key = id;
    PeerTest test =
        new PeerTest(
            id, request, control, udpCapacity, this::releaseSlot, () -> running.remove(key));
    running.put(id, test);
    test.arm();
    return test;
  }

  private synchronized void releaseSlot() {
    slotsHeld--;
  }

  /** The running test with this id, or null. */
  PeerTest find(long id) {
    return running.get(id);
  }

  int running() {
    return running.size();
  }

  int limit() {
    return limit;
  }

  /** Ends every running test (the peer is stopping). */
  void endAll() {
    List.copyOf(running.values()).forEach(PeerTest::end);
  }
}
