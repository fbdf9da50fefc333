package io.guestbench.agent.probe.net.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.net.Loopback;
import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.ControlCodec;
import io.guestbench.agent.probe.net.wire.Violation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The peer drops whatever is not its protocol, counts it, and keeps serving. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PeerGuardTest {
  private Loopback peer;

  @BeforeEach
  void start() throws Exception {
    peer = Loopback.start();
  }

  @AfterEach
  void stop() {
    peer.close();
  }

  @Test
  void anHttpRequestIsDroppedAndCounted() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(s.getInputStream().read()).as("the peer closes without a word").isEqualTo(-1);
    }
    waitFor(() -> peer.server.stats().violations(Violation.BAD_MAGIC) == 1);
  }

  @Test
  void aDataConnectionForNoRunningTestIsDropped() throws Exception {
    try (Socket s = connect()) {
      write(s, new Control.Join(42, 0));
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    waitFor(() -> peer.server.stats().violations(Violation.UNKNOWN_TEST) == 1);
  }

  @Test
  void controlMessagesOutOfOrderAreUnexpected() throws Exception {
    try (Socket s = connect()) {
      write(s, new Control.Start());
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    waitFor(() -> peer.server.stats().violations(Violation.UNEXPECTED) == 1);
  }

  @Test
  void strayDatagramsAreCountedAndTheSocketKeepsServing() throws Exception {
    try (DatagramSocket udp = new DatagramSocket()) {
      byte[] junk = "hello?".getBytes(StandardCharsets.US_ASCII);
      udp.send(
          new DatagramPacket(
              junk, junk.length, InetAddress.getLoopbackAddress(), peer.address().port()));
    }
    waitFor(() -> peer.server.stats().violations(Violation.BAD_MAGIC) == 1);
    assertThat(peer.server.runningTests()).isZero();
  }

  private Socket connect() throws Exception {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), peer.address().port());
    s.setSoTimeout(5000);
    return s;
  }

  private static void write(Socket s, Control message) throws Exception {
    ByteBuf frame = ControlCodec.encode(ByteBufAllocator.DEFAULT, message);
    byte[] bytes = new byte[frame.readableBytes()];
    frame.readBytes(bytes);
    frame.release();
    s.getOutputStream().write(bytes);
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
