package io.guestbench.agent.probe.net;

import io.guestbench.agent.config.HostPort;
import io.guestbench.agent.probe.net.client.NetTarget;
import io.guestbench.agent.probe.net.peer.PeerServer;
import io.guestbench.agent.probe.net.peer.PeerSettings;
import io.guestbench.agent.probe.net.wire.Direction;
import io.guestbench.agent.probe.net.wire.PeerSecret;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.TestRequest;
import io.guestbench.agent.probe.net.wire.Transport;
import java.time.Duration;
import java.util.Optional;

/** A peer on 127.0.0.1 and requests short enough for unit tests. */
public final class Loopback implements AutoCloseable {
  public static final long MS = 1_000_000L;

  public final PeerServer server;

  private Loopback(PeerServer server) {
    this.server = server;
  }

  /** A peer with the defaults, except a free port on 127.0.0.1 and a 10 s duration limit. */
  public static Loopback start() throws Exception {
    return start(settings(Optional.empty(), 1), Transport.best());
  }

  public static Loopback start(PeerSettings settings, Transport transport) throws Exception {
    PeerServer server = new PeerServer(settings, transport);
    server.start();
    return new Loopback(server);
  }

  public static PeerSettings settings(Optional<PeerSecret> secret, int tests) {
    return new PeerSettings("127.0.0.1", 0, secret, tests, Duration.ofSeconds(10), 1 << 20);
  }

  public HostPort address() {
    return new HostPort("127.0.0.1", server.address().getPort());
  }

  public NetTarget target() {
    return new NetTarget(address(), Optional.empty(), Transport.best());
  }

  /** A request of the kind, 100 ms warm-up, {@code millis} measured, 100 ms intervals. */
  public static TestRequest request(TestKind kind, long millis) {
    return request(kind, Direction.SEND, 1, kind.udp() ? 64 : 1, millis, 0);
  }

  public static TestRequest request(
      TestKind kind, Direction direction, int connections, int bytes, long millis, long rate) {
    int response = kind == TestKind.STREAM || kind == TestKind.UDP_STREAM ? 0 : bytes;
    return new TestRequest(
        kind, direction, connections, bytes, response, 100 * MS, millis * MS, 100 * MS, rate);
  }

  @Override
  public void close() {
    server.stop(Duration.ofSeconds(2));
  }
}
