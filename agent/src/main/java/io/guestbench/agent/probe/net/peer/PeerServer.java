package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.FrameReader;
import io.guestbench.agent.probe.net.wire.Transport;
import io.guestbench.agent.probe.net.wire.Violation;
import io.guestbench.common.lifecycle.Service;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The network probe's peer: serves tests to other agents on one TCP port and the same UDP port.
 * Does no I/O until started.
 */
public final class PeerServer implements Service {
  /** Connections open at once, handshaking or not; more are closed on arrival and counted. */
  static final int MAX_OPEN_CONNECTIONS = 512;

  static final int UDP_RECEIVE_BUFFER_BYTES = 4 << 20;

  private final PeerSettings settings;
  private final Transport transport;
  private final PeerStats stats = new PeerStats();
  private final PeerTests tests;
  private final AtomicInteger open = new AtomicInteger();
  private EventLoopGroup group;
  private Channel tcp;
  private Channel udp;
  private volatile PeerParts parts; // set once both sockets are bound

  public PeerServer(PeerSettings settings, Transport transport) {
    this.settings = settings;
    this.transport = transport;
    this.tests = new PeerTests(settings.maxConcurrentTests());
  }

  @Override
  public String name() {
    return "net peer";
  }

  @Override
  public void start() throws Exception {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    group = transport.group(threads, "guestbench-peer");
    try {
      tcp = tcpBootstrap().bind(settings.bind(), settings.port()).sync().channel();
      int port = ((InetSocketAddress) tcp.localAddress()).getPort();
      PeerParts parts = new PeerParts(settings, transport, tests, stats, port, new SecureRandom());
      udp =
          new Bootstrap()
              .group(group)
              .channel(transport.datagramChannel())
              // Room for a burst of datagrams while the loop is busy, so the peer's own
              // scheduling does not show up as loss.
              .option(ChannelOption.SO_RCVBUF, UDP_RECEIVE_BUFFER_BYTES)
              .handler(new PeerDatagrams(parts))
              .bind(settings.bind(), port)
              .sync()
              .channel();
      this.parts = parts;
    } catch (Exception e) { // Netty rethrows a failed bind (a checked exception) from sync()
      stop(Duration.ofSeconds(1));
      throw e;
    }
  }

  private ServerBootstrap tcpBootstrap() {
    return new ServerBootstrap()
        .group(group)
        .channel(transport.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                admit(ch);
              }
            });
  }

  private void admit(SocketChannel ch) {
    PeerParts p = parts;
    if (p == null) {
      ch.close(); // still starting
      return;
    }
    if (open.incrementAndGet() > MAX_OPEN_CONNECTIONS) {
      open.decrementAndGet();
      stats.violation(Violation.TOO_MANY_CONNECTIONS, String.valueOf(ch.remoteAddress()), "");
      ch.close();
      return;
    }
    ch.closeFuture().addListener(f -> open.decrementAndGet());
    PeerConnection connection = new PeerConnection(p);
    ch.pipeline().addLast(new FrameReader(connection, connection::maxPayload), connection);
  }

  /** Where the peer listens (TCP and UDP); valid once started. */
  public InetSocketAddress address() {
    return (InetSocketAddress) tcp.localAddress();
  }

  public Transport transport() {
    return transport;
  }

  public PeerStats stats() {
    return stats;
  }

  /** Tests running now. */
  public int runningTests() {
    return tests.running();
  }

  @Override
  public void stop(Duration grace) {
    tests.endAll();
    if (tcp != null) {
      tcp.close().awaitUninterruptibly(grace.toMillis());
    }
    if (udp != null) {
      udp.close().awaitUninterruptibly(grace.toMillis());
    }
    if (group != null) {
      group
          .shutdownGracefully(0, grace.toMillis(), TimeUnit.MILLISECONDS)
          .awaitUninterruptibly(grace.toMillis());
    }
  }
}
