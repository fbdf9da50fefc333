package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.TestRequest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Request/response tests: TCP (closed or open loop), connect/request/response, and UDP. */
public final class RrTest {
  /** How long a UDP request waits for its response before it counts as lost. */
  public static final long UDP_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private RrTest() {}

  /** Runs the test that {@code request.kind()} names: RR, CRR or UDP_RR. */
  public static RrFigures run(NetTarget target, TestRequest request, Consumer<String> progress)
      throws PeerFailure, InterruptedException {
    try (TestSession session = TestSession.open(target, request, 1)) {
      RrDriver driver = driver(session);
      session.send(new Control.Start());
      driver.start();
      session.watch.sleep(request.warmupNanos());

      session.send(new Control.Measure());
      driver.measure();
      progress.accept("measuring for " + request.durationNanos() / 1_000_000 + " ms");
      session.watch.sleep(request.durationNanos());
      driver.stop();
      RrFigures figures = await(driver, session);
      Control.Result peer = session.stop(0);
      long retransmits =
          figures.retransmits() < 0 || peer.retransmits() < 0
              ? figures.retransmits()
              : figures.retransmits() + peer.retransmits();
      return new RrFigures(figures.rtt(), figures.windowNanos(), figures.lost(), retransmits);
    }
  }

  private static RrDriver driver(TestSession session) throws PeerFailure, InterruptedException {
    TestRequest request = session.request;
    return switch (request.kind()) {
      case RR -> {
        TcpRrLoop loop = new TcpRrLoop(session.watch, request);
        session.join(0, loop);
        yield loop;
      }
      case CRR -> new CrrLoop(session);
      case UDP_RR -> {
        UdpRrLoop loop = new UdpRrLoop(session.watch, request, session.testId(), UDP_TIMEOUT_NANOS);
        session.openUdp(loop);
        yield loop;
      }
      case STREAM, UDP_STREAM ->
          throw new IllegalArgumentException(request.kind() + " is not a request/response test");
    };
  }

  private static RrFigures await(RrDriver driver, TestSession session)
      throws PeerFailure, InterruptedException {
    try {
      return driver.recorder().done().get(TestSession.ANSWER_NANOS, TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      session.watch.check();
      throw new PeerFailure("the request/response loop did not stop within 5 s");
    }
  }
}
