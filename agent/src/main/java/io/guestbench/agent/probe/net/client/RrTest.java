package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.BlockingSocket;
import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.TestRequest;
import io.netty.channel.Channel;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Request/response tests: TCP (closed loop with blocking calls where the transport allows, else on
 * the event loop; open loop on the event loop), connect/request/response, and UDP.
 */
public final class RrTest {
  /** How long a UDP request waits for its response before it counts as lost. */
  public static final long UDP_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private RrTest() {}

  /** Runs the test that {@code request.kind()} names: RR, CRR or UDP_RR. */
  public static RrFigures run(NetTarget target, TestRequest request, Consumer<String> progress)
      throws PeerFailure, InterruptedException {
    try (TestSession session = TestSession.open(target, request, 1)) {
      if (request.kind() == TestKind.RR && request.rate() == 0) {
        TcpRrLoop loop = new TcpRrLoop(session.watch, request);
        Channel channel = session.join(0, loop);
        Optional<BlockingSocket> socket = takeOver(channel);
        RrFigures figures =
            socket.isPresent()
                ? BlockingRr.run(session, channel, socket.get(), progress)
                : onTheLoop(session, loop, progress);
        return withPeer(figures, session);
      }
      if (request.kind() == TestKind.UDP_RR) {
        UdpRrLoop loop = new UdpRrLoop(session.watch, request, session.testId(), UDP_TIMEOUT_NANOS);
        Optional<BlockingSocket> socket = takeOver(session.openUdp(loop));
        RrFigures figures =
            socket.isPresent()
                ? BlockingUdpRr.run(session, socket.get(), progress)
                : onTheLoop(session, loop, progress);
        return withPeer(figures, session);
      }
      return withPeer(onTheLoop(session, driver(session), progress), session);
    }
  }

  /**
   * The joined connection for blocking calls where the transport allows: it leaves its event loop
   * first, so Netty reads none of the responses; the peer sends nothing before our first request.
   */
  private static Optional<BlockingSocket> takeOver(Channel channel) throws InterruptedException {
    Optional<BlockingSocket> socket = BlockingSocket.takeOver(channel);
    if (socket.isPresent()) {
      channel.config().setAutoRead(false);
      channel.deregister().sync();
    }
    return socket;
  }

  private static RrFigures onTheLoop(
      TestSession session, RrDriver driver, Consumer<String> progress)
      throws PeerFailure, InterruptedException {
    TestRequest request = session.request;
    session.send(new Control.Start());
    driver.start();
    session.watch.sleep(request.warmupNanos());

    session.send(new Control.Measure());
    driver.measure();
    progress.accept("measuring for " + request.durationNanos() / 1_000_000 + " ms");
    session.watch.sleep(request.durationNanos());
    driver.stop();
    return await(driver, session);
  }

  /** The figures with the peer's retransmissions added, once the peer has reported. */
  private static RrFigures withPeer(RrFigures figures, TestSession session)
      throws PeerFailure, InterruptedException {
    Control.Result peer = session.stop(0);
    long retransmits =
        figures.retransmits() < 0 || peer.retransmits() < 0
            ? figures.retransmits()
            : figures.retransmits() + peer.retransmits();
    return new RrFigures(figures.rtt(), figures.windowNanos(), figures.lost(), retransmits);
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
