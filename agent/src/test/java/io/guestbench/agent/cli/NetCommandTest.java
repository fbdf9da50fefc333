package io.guestbench.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestbench.agent.AgentMain;
import io.guestbench.agent.probe.net.Loopback;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  @Test
  void rrPrintsJsonWithTheLatencyPercentiles() throws Exception {
    try (Loopback peer = Loopback.start()) {
      int code =
          execute(
              "net",
              "rr",
              "--peer",
              peerOf(peer),
              "--duration",
              "1s",
              "--warmup",
              "100ms",
              "--json");
      assertThat(err.toString()).isEmpty();
      assertThat(code).isZero();
      JsonNode root = new ObjectMapper().readTree(out.toString());
      assertThat(root.path("probe").asText()).isEqualTo("net.rr");
      assertThat(root.path("status").asText()).isEqualTo("OK");
      assertThat(root.path("scalars").path("transactions_per_second").asDouble()).isPositive();
      JsonNode rtt = root.path("distributions").path("rtt_nanos");
      for (String field : new String[] {"count", "min", "p50", "p90", "p99", "p99_9", "max"}) {
        assertThat(rtt.path(field).asLong()).as(field).isPositive();
      }
      assertThat(root.path("params").path("peer").asText()).isEqualTo(peerOf(peer));
    }
  }

  @Test
  void streamPrintsATable() throws Exception {
    try (Loopback peer = Loopback.start()) {
      int code =
          execute(
              "net",
              "stream",
              "--peer",
              peerOf(peer),
              "--duration",
              "1s",
              "--warmup",
              "0s",
              "--interval",
              "500ms");
      assertThat(code).isZero();
      assertThat(out.toString().lines())
          .first()
          .satisfies(l -> assertThat(l).startsWith("net.stream ").contains("direction=send"));
      assertThat(out.toString())
          .containsPattern("bytes sent per second +[0-9.]+[kMG]?B/s \\([0-9.]+[kMG]?bit/s\\)")
          .contains("interval sent bytes per second", "(2 intervals)", "steal");
    }
  }

  @Test
  void badOptionsAreOneLineAndExitCode2() {
    assertThat(execute("net", "stream", "--peer", "nowhere", "--streams", "0")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "net stream: --peer: nowhere (expected: host:port of a guestbench peer); --streams: 0"
                + " (expected: 1..64)");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMissingPeerIsAUsageError() {
    assertThat(execute("net", "udp")).isEqualTo(2);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("--peer");
  }

  @Test
  void anUnreachablePeerIsOneLineAndExitCode1() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertThat(execute("net", "crr", "--peer", "127.0.0.1:" + port, "--duration", "1s"))
        .isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "net crr: cannot connect to 127.0.0.1:"
                + port
                + ": connection refused"
                + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void serveRefusesASecretOthersCanRead() throws Exception {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "0123456789abcdef");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-rw-r--"));
    assertThat(execute("net", "serve", "--secret-file", secret.toString())).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "net serve: --secret-file: "
                + secret
                + " is readable by others (expected: mode 600 or 640)");
    assertThat(execute("net", "serve", "--max-duration", "2h")).isEqualTo(2);
  }

  private static String peerOf(Loopback peer) {
    return "127.0.0.1:" + peer.address().port();
  }

  private int execute(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cmd = AgentMain.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }
}
