package io.guestbench.agent.probe.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.common.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetParamsTest {
  private static final StealSampler STEAL = new StealSampler(HostFixtures.files("xen-hvm"));
  private static final String PEER = "10.0.0.5:7071";

  private final Probe stream =
      new NetStreamProbe(Clock.system(), STEAL, HostFixtures.files("xen-hvm"));
  private final Probe rr = new NetRrProbe(Clock.system(), STEAL);
  private final Probe crr = new NetCrrProbe(Clock.system(), STEAL);
  private final Probe udp = new NetUdpProbe(Clock.system(), STEAL);

  @TempDir Path dir;

  @Test
  void thePeerIsRequiredAndEverythingElseHasADefault() {
    assertThat(stream.check(Map.of()))
        .containsExactly("peer: missing (expected: host:port of a guestbench peer)");
    assertThat(stream.check(Map.of("peer", PEER))).isEmpty();
    assertThat(rr.check(Map.of("peer", "[fd00::5]:7071"))).isEmpty();
    assertThat(crr.check(Map.of("peer", PEER))).isEmpty();
    assertThat(udp.check(Map.of("peer", PEER))).isEmpty();
    assertThat(udp.check(Map.of("peer", "nowhere")))
        .containsExactly("peer: nowhere (expected: host:port of a guestbench peer)");
  }

  @Test
  void streamProblemsAreListedTogether() {
    assertThat(
            stream.check(
                Map.of(
                    "peer", PEER,
                    "direction", "up",
                    "streams", "0",
                    "message_bytes", "100",
                    "duration", "1h",
                    "interval", "1s",
                    "colour", "red")))
        .containsExactly(
            "direction: up (expected: send, receive or both)",
            "streams: 0 (expected: 1..64)",
            "message_bytes: 100 (expected: 1024..1048576)",
            "interval: 1s (expected: 9s..1m)",
            "colour: red (expected: one of the keys peer, secret_file, warmup, duration, direction,"
                + " streams, message_bytes, interval)");
  }

  @Test
  void udpRequestResponseIsClosedLoopWithRoomForItsHeader() {
    assertThat(
            rr.check(Map.of("peer", PEER, "mode", "udp_rr", "request_bytes", "8", "rate", "100")))
        .containsExactly("request_bytes: 8 (expected: 16..65499)", "rate: 100 (expected: 0..0)");
    assertThat(rr.check(Map.of("peer", PEER, "mode", "tcp_rr", "rate", "1000001")))
        .containsExactly("rate: 1000001 (expected: 0..1000000)");
  }

  @Test
  void bitratesAreBitsPerSecondWithDecimalPrefixes() {
    assertThat(UdpParams.parseBitrate("100M")).isEqualTo(100_000_000L);
    assertThat(UdpParams.parseBitrate("2g")).isEqualTo(2_000_000_000L);
    assertThat(UdpParams.parseBitrate("1000")).isEqualTo(1000L);
    assertThat(UdpParams.parseBitrate("999")).isEqualTo(-1);
    assertThat(UdpParams.parseBitrate("101G")).isEqualTo(-1);
    assertThat(UdpParams.parseBitrate("999999999999G")).isEqualTo(-1);
    assertThat(udp.check(Map.of("peer", PEER, "bitrate", "fast", "datagram_bytes", "70000")))
        .containsExactly(
            "bitrate: fast (expected: bits per second from 1k to 100G, e.g. 100M (k, M, G are"
                + " powers of 1000))",
            "datagram_bytes: 70000 (expected: 64..65507)");
  }

  @Test
  void aSecretFileOthersCanReadIsAProblem() throws Exception {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "0123456789abcdef");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(rr.check(Map.of("peer", PEER, "secret_file", secret.toString())))
        .containsExactly(
            "secret_file: " + secret + " is readable by others (expected: mode 600 or 640)");
  }

  @Test
  void resultsCarryTheDerivedLabelsAndNeverTheSecretsPath() {
    RrParams p =
        RrParams.readRr(
            new io.guestbench.agent.probe.ParamReader(
                Map.of("peer", PEER, "rate", "500", "secret_file", "/s")));
    assertThat(p.asMap())
        .containsEntry("mode", "tcp_rr")
        .containsEntry("loop", "open")
        .containsEntry("rate", "500")
        .containsEntry("request_bytes", "1")
        .doesNotContainKey("secret_file");
    RrParams c = RrParams.readCrr(new io.guestbench.agent.probe.ParamReader(Map.of("peer", PEER)));
    assertThat(c.asMap())
        .containsEntry("mode", "tcp_crr")
        .containsEntry("loop", "closed")
        .doesNotContainKey("rate");
  }
}
