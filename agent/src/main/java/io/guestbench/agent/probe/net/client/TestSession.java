package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.config.HostPort;
import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.ControlCodec;
import io.guestbench.agent.probe.net.wire.FrameReader;
import io.guestbench.agent.probe.net.wire.TestRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One test from the client's side: its event loops, the control connection after a successful
 * handshake, and the data connections it joined. Closing it closes everything, within a bound.
 */
final class TestSession implements AutoCloseable {
  static final long CONNECT_NANOS = TimeUnit.SECONDS.toNanos(3);
  static final long ANSWER_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** Socket buffers of UDP tests: room for bursts, as iperf3 and sockperf also ask for. */
  static final int UDP_BUFFER_BYTES = 4 << 20;

  final NetTarget target;
  final TestRequest request;
  final EventLoopGroup group;
  final Bootstrap base;
  final Watch watch = new Watch();
  private final List<Channel> data = new ArrayList<>();
  private final List<ClientData> handlers = new ArrayList<>();
  private ControlLink control;
  private Control.Accept accept;

  private TestSession(NetTarget target, TestRequest request, int threads) {
    this.target = target;
    this.request = request;
    this.group = target.transport().group(threads, "guestbench-net");
    this.base =
        new Bootstrap()
            .group(group)
            .channel(target.transport().socketChannel())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) TimeUnit.NANOSECONDS.toMillis(CONNECT_NANOS));
  }

  /** Connects, shakes hands and has the test accepted, or fails saying why. */
  static TestSession open(NetTarget target, TestRequest request, int threads)
      throws PeerFailure, InterruptedException {
    TestSession session = new TestSession(target, request, threads);
    try {
      session.control = ControlLink.connect(session.base, target, session.watch, CONNECT_NANOS);
      session.accept = Handshake.run(session.control, target, request);
      return session;
    } catch (PeerFailure | InterruptedException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  long testId() {
    return accept.testId();
  }

  int udpPort() {
    return accept.udpPort();
  }

  /** Opens a data connection for the test and waits until the peer has attached it. */
  Channel join(int index, ClientData handler, ChannelHandler... more)
      throws PeerFailure, InterruptedException {
    Channel ch = connectData(handler, more);
    ch.writeAndFlush(ControlCodec.encode(ch.alloc(), new Control.Join(testId(), index)));
    try {
      handler.joined.get(ANSWER_NANOS, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw (PeerFailure) e.getCause();
    } catch (TimeoutException e) {
      throw new PeerFailure(target.address() + " did not confirm a data connection within 5 s");
    }
    return ch;
  }

  /** Opens a data connection without joining it (the caller sends its own first frames). */
  Channel connectData(ClientData handler, ChannelHandler... more)
      throws PeerFailure, InterruptedException {
    Bootstrap b =
        base.clone()
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new FrameReader(handler, handler::maxPayload), handler);
                    ch.pipeline().addLast(more);
                  }
                });
    Channel ch = Connections.connect(b, target, CONNECT_NANOS);
    data.add(ch);
    handlers.add(handler);
    return ch;
  }

  /** A UDP socket connected to the peer's UDP port, so only the peer's datagrams reach it. */
  Channel openUdp(ChannelHandler handler) throws PeerFailure, InterruptedException {
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .channel(target.transport().datagramChannel())
            .option(ChannelOption.SO_SNDBUF, UDP_BUFFER_BYTES)
            .option(ChannelOption.SO_RCVBUF, UDP_BUFFER_BYTES)
            .handler(handler);
    NetTarget udp =
        new NetTarget(
            new HostPort(target.peer().host(), udpPort()), target.secret(), target.transport());
    Channel ch = Connections.connect(b, udp, CONNECT_NANOS);
    data.add(ch);
    return ch;
  }

  void send(Control message) {
    control.send(message);
  }

  /** Ends the measured time and waits for the peer's account of it. */
  Control.Result stop(long datagramsSent) throws PeerFailure, InterruptedException {
    control.send(new Control.Stop(datagramsSent));
    while (true) {
      Control c = control.receive(ANSWER_NANOS, "report its result");
      if (c instanceof Control.Result r) {
        return r;
      }
    }
  }

  List<Channel> dataChannels() {
    return List.copyOf(data);
  }

  @Override
  public void close() {
    handlers.forEach(ClientData::closing);
    data.forEach(Channel::close);
    if (control != null) {
      control.close();
    }
    group.shutdownGracefully(0, 500, TimeUnit.MILLISECONDS).awaitUninterruptibly(3000);
  }
}
