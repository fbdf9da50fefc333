package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.TestResults.START;
import static io.guestbench.collector.metrics.TestResults.distribution;

import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;

/** Network probe results as the agent builds them, for tests. */
final class NetResults {
  static final long TEN_SECONDS = 10_000_000_000L;

  private NetResults() {}

  /** An ok {@code net.stream} send result with per-interval throughput. */
  static ProbeResult.Builder stream(String direction, double sent, long... intervals) {
    return base("stream")
        .putParams("direction", direction)
        .putParams("streams", "4")
        .putParams("message_bytes", "131072")
        .putParams("interval", "1s")
        .addScalars(scalar("bytes_sent_per_second", sent))
        .addScalars(scalar("retransmitted_segments", 12))
        .addDistributions(distribution("interval_sent_bytes_per_second", intervals));
  }

  /** An ok {@code net.rr} or {@code net.crr} result in closed loop. */
  static ProbeResult.Builder rr(String name, String mode, double tps, long... rttNanos) {
    return base(name)
        .putParams("mode", mode)
        .putParams("request_bytes", "1")
        .putParams("response_bytes", "1")
        .putParams("loop", "closed")
        .addScalars(scalar("transactions_per_second", tps))
        .addDistributions(distribution("rtt_nanos", rttNanos));
  }

  /** An ok {@code net.udp} result. */
  static ProbeResult.Builder udp(double loss, double jitterNanos) {
    return base("udp")
        .putParams("bitrate", "100000000")
        .putParams("datagram_bytes", "1400")
        .addScalars(scalar("bytes_sent_per_second", 12_500_000))
        .addScalars(scalar("bytes_received_per_second", 12_500_000 * (1 - loss)))
        .addScalars(scalar("loss_ratio", loss))
        .addScalars(scalar("reordered_ratio", 0))
        .addScalars(scalar("duplicate_datagrams", 0))
        .addScalars(scalar("jitter_nanos", jitterNanos));
  }

  private static ProbeResult.Builder base(String name) {
    return ProbeResult.newBuilder()
        .setRunId("run-" + name)
        .setKind(ProbeKind.PROBE_KIND_NET)
        .setName(name)
        .putParams("peer", "10.0.1.7:7071")
        .putParams("warmup", "2s")
        .putParams("duration", "10s")
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(START + TEN_SECONDS)
        .setStatus(RunStatus.RUN_STATUS_OK)
        .setStealRatio(0.0)
        .setProbeVersion("1");
  }

  static Scalar scalar(String name, double value) {
    return Scalar.newBuilder().setName(name).setValue(value).build();
  }
}
