package io.guestbench.agent.probe.net.client;

import static io.guestbench.agent.probe.net.Loopback.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.agent.config.HostPort;
import io.guestbench.agent.probe.net.Loopback;
import io.guestbench.agent.probe.net.peer.PeerSettings;
import io.guestbench.agent.probe.net.wire.Direction;
import io.guestbench.agent.probe.net.wire.PeerSecret;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.Transport;
import io.guestbench.agent.probe.net.wire.Violation;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whatever goes wrong on the way to a peer ends the test with one line, within a bound. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PeerFailuresTest {
  private static final PeerSecret SECRET =
      PeerSecret.of("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private static final PeerSecret WRONG =
      PeerSecret.of("not-the-same-one".getBytes(StandardCharsets.UTF_8));

  private Loopback peer;
  private ServerSocket other;

  @AfterEach
  void stop() throws Exception {
    if (peer != null) {
      peer.close();
    }
    if (other != null) {
      other.close();
    }
  }

  @Test
  void aBusyPeerSaysSoInsteadOfSharingATest() throws Exception {
    peer = Loopback.start();
    CompletableFuture<RrFigures> first =
        CompletableFuture.supplyAsync(() -> rr(peer.target(), 1500));
    waitFor(() -> peer.server.runningTests() == 1);
    assertThatThrownBy(() -> RrTest.run(peer.target(), request(TestKind.RR, 300), s -> {}))
        .isInstanceOf(PeerFailure.class)
        .hasMessage(
            "127.0.0.1:"
                + peer.address().port()
                + " is busy: 1 of 1 tests running; try again later");
    assertThat(first.get().rtt().count()).isPositive();
    assertThat(peer.server.stats().busyAnswers()).isEqualTo(1);
  }

  @Test
  void aSharedSecretIsRequiredAndChecked() throws Exception {
    peer = Loopback.start(Loopback.settings(Optional.of(SECRET), 1), Transport.best());
    assertThat(failure(peer.target()))
        .endsWith("requires a shared secret (secret_file, --secret-file)");
    assertThat(failure(with(WRONG)))
        .endsWith("refused the test: the shared secret does not match this peer's");
    assertThat(peer.server.stats().violations(Violation.AUTH_FAILED)).isEqualTo(1);
    assertThat(RrTest.run(with(SECRET), request(TestKind.RR, 200), s -> {}).rtt().count())
        .isPositive();
  }

  @Test
  void aTestBeyondThePeersLimitsIsRefused() throws Exception {
    PeerSettings tight =
        new PeerSettings("127.0.0.1", 0, Optional.empty(), 1, Duration.ofSeconds(1), 65536);
    peer = Loopback.start(tight, Transport.best());
    assertThat(failure(peer.target(), request(TestKind.RR, 1000)))
        .endsWith(
            "refused the test: a test of 1100ms (warm-up included) exceeds this peer's limit of 1s");
    assertThat(failure(peer.target(), request(TestKind.STREAM, Direction.SEND, 1, 1 << 20, 200, 0)))
        .endsWith("refused the test: messages of 1048576 bytes exceed this peer's limit of 65536");
    assertThat(peer.server.stats().refusals()).isEqualTo(2);
  }

  @Test
  void nothingListeningIsAOneLineConnectError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    NetTarget closed =
        new NetTarget(new HostPort("127.0.0.1", port), Optional.empty(), Transport.best());
    assertThat(failure(closed))
        .isEqualTo("cannot connect to 127.0.0.1:" + port + ": connection refused");
  }

  @Test
  void anHttpServerIsNotAPeer() throws Exception {
    NetTarget http = serve(s -> reply(s, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
    assertThat(failure(http))
        .endsWith("is not a guestbench peer (bad_magic): it answered \"HTTP/1.1 400 Bad Request\"");
  }

  @Test
  void anEchoServiceIsNotAPeer() throws Exception {
    NetTarget echo = serve(PeerFailuresTest::echo);
    assertThat(failure(echo))
        .endsWith("sent our hello back: it is not a guestbench peer (an echo service?)");
  }

  @Test
  void aSilentServiceIsGivenUpOnAfterTheHandshakeTimeout() throws Exception {
    NetTarget silent = serve(s -> {});
    long start = System.nanoTime();
    assertThat(failure(silent)).endsWith("did not answer our hello within 5000 ms");
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(8));
  }

  @Test
  void aPeerThatStopsMidTestEndsTheTestAtOnce() throws Exception {
    peer = Loopback.start();
    CompletableFuture<String> test =
        CompletableFuture.supplyAsync(
            () ->
                failure(
                    peer.target(), request(TestKind.STREAM, Direction.BOTH, 2, 65536, 8000, 0)));
    waitFor(() -> peer.server.runningTests() == 1);
    Thread.sleep(300);
    long stopped = System.nanoTime();
    peer.server.stop(Duration.ofSeconds(1));
    assertThat(test.get(5, TimeUnit.SECONDS)).contains("during the test");
    assertThat(System.nanoTime() - stopped).isLessThan(TimeUnit.SECONDS.toNanos(3));
  }

  @Test
  void aPeerThatStopsMidRequestResponseEndsTheTestAtOnce() throws Exception {
    peer = Loopback.start();
    CompletableFuture<String> test =
        CompletableFuture.supplyAsync(() -> failure(peer.target(), request(TestKind.RR, 8000)));
    waitFor(() -> peer.server.runningTests() == 1);
    Thread.sleep(300);
    long stopped = System.nanoTime();
    peer.server.stop(Duration.ofSeconds(1));
    assertThat(test.get(5, TimeUnit.SECONDS)).contains("during the test");
    assertThat(System.nanoTime() - stopped).isLessThan(TimeUnit.SECONDS.toNanos(3));
  }

  private NetTarget with(PeerSecret secret) {
    return new NetTarget(peer.address(), Optional.of(secret), Transport.best());
  }

  private static String failure(NetTarget target) {
    return failure(target, request(TestKind.RR, 200));
  }

  private static String failure(
      NetTarget target, io.guestbench.agent.probe.net.wire.TestRequest request) {
    try {
      switch (request.kind()) {
        case STREAM -> StreamTest.run(target, request, s -> {}, () -> -1);
        default -> RrTest.run(target, request, s -> {});
      }
      throw new AssertionError("the test did not fail");
    } catch (PeerFailure e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static RrFigures rr(NetTarget target, long millis) {
    try {
      return RrTest.run(target, request(TestKind.RR, millis), s -> {});
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A one-connection-at-a-time TCP service on 127.0.0.1 that does {@code what} with each. */
  private NetTarget serve(Consumer<Socket> what) throws Exception {
    other = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!other.isClosed()) {
                try (Socket s = other.accept()) {
                  what.accept(s);
                  Thread.sleep(6000); // keep it open; the client gives up first
                } catch (Exception e) {
                  return;
                }
              }
            });
    return new NetTarget(
        new HostPort("127.0.0.1", other.getLocalPort()), Optional.empty(), Transport.best());
  }

  private static void reply(Socket s, String text) {
    try {
      s.getInputStream().read(new byte[256]);
      OutputStream out = s.getOutputStream();
      out.write(text.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void echo(Socket s) {
    try {
      InputStream in = s.getInputStream();
      byte[] buf = new byte[4096];
      int n = in.read(buf);
      s.getOutputStream().write(buf, 0, n);
      s.getOutputStream().flush();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
