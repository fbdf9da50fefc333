package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An agent that serves network tests and runs every network probe against its own peer, streaming
 * the results through a real collector: the catalogue accepts what the probes really produce.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class NetEndToEndIT extends RealProcessTest {
  @Test
  void networkResultsBecomeTheirFamilies() throws Exception {
    CollectorProcess collector = CollectorProcess.start(runner, dir);
    int port = freePort();
    String peer = "127.0.0.1:" + port;
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        """
        collector: {address: "127.0.0.1:%d", plaintext: true}
        imds: {enabled: false}
        net: {serve: true, bind: 127.0.0.1, port: %d}
        plan:
          rounds: 1
          probes:
            - {probe: net.stream, peer: "%s", direction: both, streams: 2, warmup: 200ms, duration: 1s, interval: 250ms}
            - {probe: net.rr, peer: "%s", warmup: 200ms, duration: 1s}
            - {probe: net.rr, peer: "%s", mode: udp_rr, warmup: 200ms, duration: 1s}
            - {probe: net.rr, peer: "%s", rate: 2000, warmup: 200ms, duration: 1s}
            - {probe: net.crr, peer: "%s", warmup: 200ms, duration: 1s}
            - {probe: net.udp, peer: "%s", bitrate: 20M, warmup: 200ms, duration: 1s}
        """
            .formatted(collector.grpcPort, port, peer, peer, peer, peer, peer, peer));

    ProcessRunner.Finished agent =
        runner.run(
            "agent",
            90,
            ProcessRunner.jar(
                "guestbench.agent.jar",
                "run",
                "--config",
                config.toString(),
                "--spool-dir",
                dir.resolve("spool").toString()));

    assertThat(agent.exit()).as("agent stderr: %s", agent.err()).isZero();
    assertThat(agent.err())
        .contains("serving network tests on 127.0.0.1:" + port)
        .contains("collector stored 6 results (0 dropped, 0 rejected)");
    assertThat(agent.out()).doesNotContain("error:");
    String metrics = Http.get(collector.metricsUrl()).body();
    assertThat(metrics)
        .contains("guestbench_net_stream_sent_bytes_per_second{")
        .contains("guestbench_net_stream_received_bytes_per_second{")
        .contains("guestbench_net_stream_interval_received_bytes_per_second_bucket{")
        .containsPattern("guestbench_net_rtt_seconds_count\\{[^}]*loop=\"open\",mode=\"tcp_rr\"")
        .containsPattern("guestbench_net_rtt_seconds_count\\{[^}]*mode=\"udp_rr\"")
        .containsPattern("guestbench_net_rtt_seconds_count\\{[^}]*mode=\"tcp_crr\"")
        .contains("guestbench_net_udp_jitter_seconds{")
        .containsPattern(
            "guestbench_probe_runs_total\\{[^}]*probe=\"net.rr\",status=\"ok\"[^}]*\\} 3.0");
    assertThat(collector.terminate(20)).isZero();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
