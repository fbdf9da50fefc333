package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two agents on two "hosts" (network namespaces joined by a veth pair): a shaped link is measured
 * at its rate, and a peer that dies or a wire that is cut ends a test with one line, in bounded
 * time, while an agent running a plan keeps running. Needs root.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class NetHostsIT extends RealProcessTest {
  private static final double RATE_BITS = 100e6;

  /**
   * What TCP can carry over the shaped link: tbf counts whole Ethernet frames, and of each
   * 1514-byte frame 1448 bytes are payload (20 IP, 20 TCP, 12 timestamp option, 14 Ethernet).
   * iperf3 measures 95.2-95.7 Mbit/s on the same link.
   */
  private static final double PAYLOAD_BITS = RATE_BITS * 1448 / 1514;

  private NetNamespaces hosts;

  @BeforeEach
  void hosts() throws Exception {
    hosts = NetNamespaces.create();
  }

  @AfterEach
  void removeHosts() throws Exception {
    runner.killAll(); // before the namespaces go, so nothing is left inside them
    hosts.close();
  }

  @Test
  void aShapedLinkIsMeasuredAtItsRateBothWays() throws Exception {
    hosts.shape("100mbit");
    startPeer("peer");
    for (String direction : List.of("send", "receive")) {
      ProcessRunner.Finished test =
          runner.run(
              "stream-" + direction,
              60,
              client(
                  "net",
                  "stream",
                  "--peer",
                  peer(),
                  "--direction",
                  direction,
                  "--duration",
                  "6s",
                  "--warmup",
                  "2s",
                  "--json"));
      assertThat(test.exit()).as(test.err()).isZero();
      JsonNode scalars = new ObjectMapper().readTree(test.out()).path("scalars");
      String name =
          direction.equals("send") ? "bytes_sent_per_second" : "bytes_received_per_second";
      double bits = scalars.path(name).asDouble() * 8;
      assertThat(bits)
          .as("%s: %s", direction, test.out())
          .isCloseTo(PAYLOAD_BITS, within(PAYLOAD_BITS * 0.05));
    }
  }

  @Test
  void aPeerKilledMidTestEndsTheTestWithOneLine() throws Exception {
    Process peer = startPeer("peer");
    Process test =
        runner.start(
            "stream",
            client("net", "stream", "--peer", peer(), "--duration", "20s", "--warmup", "1s"));
    Thread.sleep(3000);
    peer.destroyForcibly();
    long killed = System.nanoTime();
    assertThat(test.waitFor(10, TimeUnit.SECONDS))
        .as("the test ends soon after the peer dies")
        .isTrue();
    assertThat(System.nanoTime() - killed).isLessThan(TimeUnit.SECONDS.toNanos(10));
    assertThat(test.exitValue()).isEqualTo(1);
    assertThat(runner.err("stream").strip().lines()).hasSize(1);
    // A client slow to start on a busy machine may still be in its handshake when the peer dies.
    assertThat(runner.err("stream"))
        .startsWith("net stream: ")
        .containsAnyOf("during the test", "closed the connection");
  }

  @Test
  void aCutWireEndsTheTestWithinItsDurationPlusAGrace() throws Exception {
    startPeer("peer");
    Process test =
        runner.start(
            "rr", client("net", "rr", "--peer", peer(), "--duration", "4s", "--warmup", "1s"));
    Thread.sleep(2000);
    hosts.cut();
    // 1 s warm-up + 4 s measured, then at most 5 s for a result that never comes, plus a margin.
    assertThat(test.waitFor(15, TimeUnit.SECONDS)).as("bounded by duration plus grace").isTrue();
    assertThat(test.exitValue()).isEqualTo(1);
    // Which bound fires first (a request's answer or the final result) depends on timing.
    assertThat(runner.err("rr").strip().lines()).hasSize(1);
    assertThat(runner.err("rr")).startsWith("net rr: " + peer() + " did not ").contains(" within ");
  }

  @Test
  void anAgentRunningAPlanKeepsRunningThroughAPeerThatComesAndGoes() throws Exception {
    Process peer = startPeer("peer-1");
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        """
        collector: {address: "127.0.0.1:1", plaintext: true, reconnect_max: 1s}
        imds: {enabled: false}
        plan:
          rounds: 0
          interval: 200ms
          probes:
            - {probe: net.rr, peer: "%s", warmup: 0s, duration: 1s}
        """
            .formatted(peer()));
    Process agent =
        runner.start(
            "agent",
            client(
                "run",
                "--config",
                config.toString(),
                "--spool-dir",
                dir.resolve("spool").toString()));
    Poll.until("an ok result", 60, () -> okLines() >= 1);
    peer.destroyForcibly();
    Poll.until("an error result", 30, () -> runner.out("agent").contains("error:"));
    assertThat(agent.isAlive()).as("the agent outlives its peer").isTrue();
    long okBefore = okLines();
    startPeer("peer-2");
    Poll.until("results again once the peer is back", 60, () -> okLines() > okBefore);
    agent.destroy();
    assertThat(agent.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(agent.exitValue()).isZero();
    assertThat(runner.err("agent")).doesNotContain("\tat ");
  }

  private long okLines() throws Exception {
    return runner
        .out("agent")
        .lines()
        .filter(l -> l.startsWith("net.rr") && l.contains("transactions/s"))
        .count();
  }

  private Process startPeer(String name) throws Exception {
    Process p =
        runner.start(
            name,
            NetNamespaces.in(
                hosts.peer,
                ProcessRunner.jar(
                    "guestbench.agent.jar",
                    "net",
                    "serve",
                    "--bind",
                    hosts.peerAddress,
                    "--port",
                    "7071")));
    Poll.until(
        "the peer listening",
        30,
        () -> {
          if (!p.isAlive()) {
            throw new AssertionError("peer exited: " + runner.err(name));
          }
          return runner.err(name).contains("listening on");
        });
    return p;
  }

  private String peer() {
    return hosts.peerAddress + ":7071";
  }

  private List<String> client(String... args) {
    return NetNamespaces.in(hosts.client, ProcessRunner.jar("guestbench.agent.jar", args));
  }
}
