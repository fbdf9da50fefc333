package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.TestRequest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A UDP stream at a target bit rate from this agent to the peer, which counts loss, reordering,
 * duplicates and jitter among the datagrams sent after the warm-up.
 */
public final class UdpStreamTest {
  /** Time for datagrams still in flight to arrive before the peer is asked for its count. */
  static final long DRAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private UdpStreamTest() {}

  public static UdpStreamFigures run(
      NetTarget target, TestRequest request, Consumer<String> progress)
      throws PeerFailure, InterruptedException {
    try (TestSession session = TestSession.open(target, request, 1)) {
      UdpPacer pacer =
          new UdpPacer(session.watch, session.testId(), request.messageBytes(), request.rate());
      session.openUdp(pacer);
      session.send(new Control.Start());
      pacer.start();
      session.watch.sleep(request.warmupNanos());

      session.send(new Control.Measure());
      pacer.measure();
      long start = System.nanoTime();
      progress.accept("measuring for " + request.durationNanos() / 1_000_000 + " ms");
      session.watch.sleep(request.durationNanos());
      long sent = stop(pacer, session);
      long window = System.nanoTime() - start;
      session.watch.sleep(DRAIN_NANOS);
      Control.Result peer = session.stop(sent);
      return new UdpStreamFigures(sent, request.messageBytes(), window, peer.udp());
    }
  }

  private static long stop(UdpPacer pacer, TestSession session)
      throws PeerFailure, InterruptedException {
    try {
      return pacer.stop().get(TestSession.ANSWER_NANOS, TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      session.watch.check();
      throw new PeerFailure("the UDP sender did not stop within 5 s");
    }
  }
}
