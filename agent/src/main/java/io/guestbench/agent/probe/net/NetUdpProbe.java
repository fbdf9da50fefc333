package io.guestbench.agent.probe.net;

import static io.guestbench.agent.probe.net.NetStreamProbe.scalar;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.net.client.NetTarget;
import io.guestbench.agent.probe.net.client.PeerFailure;
import io.guestbench.agent.probe.net.client.UdpStreamFigures;
import io.guestbench.agent.probe.net.client.UdpStreamTest;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeResult;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code net.udp}: a UDP stream to a peer agent at a target bit rate; the peer counts loss,
 * reordering, duplicates and RFC 3550 jitter.
 */
public final class NetUdpProbe extends NetProbe<UdpParams, UdpStreamFigures> {
  /** Below this share of the target rate, the sender could not keep up and the run is invalid. */
  static final double MIN_RATE_REACHED = 0.95;

  @Inject
  public NetUdpProbe(Clock clock, StealSampler steal) {
    super(clock, steal);
  }

  @Override
  public String name() {
    return "udp";
  }

  @Override
  UdpParams read(ParamReader reader) {
    return UdpParams.read(reader);
  }

  @Override
  NetParams net(UdpParams params) {
    return params.net();
  }

  @Override
  Map<String, String> asMap(UdpParams params) {
    return params.asMap();
  }

  @Override
  UdpStreamFigures measure(NetTarget target, UdpParams params, ProbeRun.Progress progress)
      throws PeerFailure, InterruptedException {
    return UdpStreamTest.run(target, params.request(), progress::report);
  }

  @Override
  long windowNanos(UdpStreamFigures figures) {
    return figures.windowNanos();
  }

  @Override
  Optional<String> fill(ProbeResult.Builder result, UdpParams params, UdpStreamFigures f) {
    double sentBits = f.sentBytesPerSecond() * 8;
    if (sentBits < params.bitsPerSecond() * MIN_RATE_REACHED) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "sent only %.4g bit/s of the %d asked: this sender cannot keep that rate",
              sentBits,
              params.bitsPerSecond()));
    }
    result
        .addScalars(scalar("bytes_sent_per_second", f.sentBytesPerSecond()))
        .addScalars(scalar("bytes_received_per_second", f.receivedBytesPerSecond()))
        .addScalars(scalar("loss_ratio", f.lossRatio()))
        .addScalars(scalar("reordered_ratio", f.reorderedRatio()))
        .addScalars(scalar("duplicate_datagrams", f.peer().duplicates()))
        .addScalars(scalar("jitter_nanos", f.peer().jitterNanos()));
    return Optional.empty();
  }
}
