package io.guestbench.agent.probe.net;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.Samples;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.net.client.NetTarget;
import io.guestbench.agent.probe.net.client.PeerFailure;
import io.guestbench.agent.probe.net.client.StreamFigures;
import io.guestbench.agent.probe.net.client.StreamTest;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.Scalar;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code net.stream}: TCP throughput to and from a peer agent over parallel connections, measured
 * where the bytes arrive, with per-interval figures and the kernel's retransmission count.
 */
public final class NetStreamProbe extends NetProbe<StreamParams, StreamFigures> {
  private final HostFiles host;

  @Inject
  public NetStreamProbe(Clock clock, StealSampler steal, HostFiles host) {
    super(clock, steal);
    this.host = host;
  }

  @Override
  public String name() {
    return "stream";
  }

  @Override
  StreamParams read(ParamReader reader) {
    return StreamParams.read(reader);
  }

  @Override
  NetParams net(StreamParams params) {
    return params.net();
  }

  @Override
  Map<String, String> asMap(StreamParams params) {
    return params.asMap();
  }

  @Override
  StreamFigures measure(NetTarget target, StreamParams params, ProbeRun.Progress progress)
      throws PeerFailure, InterruptedException {
    return StreamTest.run(
        target, params.request(), progress::report, () -> SnmpTcp.retransmittedSegments(host));
  }

  @Override
  long windowNanos(StreamFigures figures) {
    return figures.windowNanos();
  }

  @Override
  Optional<String> fill(ProbeResult.Builder result, StreamParams params, StreamFigures f) {
    if (f.sentBytesPerSecond() >= 0) {
      result.addScalars(scalar("bytes_sent_per_second", f.sentBytesPerSecond()));
    }
    if (f.receivedBytesPerSecond() >= 0) {
      result.addScalars(scalar("bytes_received_per_second", f.receivedBytesPerSecond()));
    }
    if (f.retransmits() >= 0) {
      result.addScalars(scalar("retransmitted_segments", f.retransmits()));
    }
    addIntervals(result, "interval_sent_bytes_per_second", f.sentIntervals());
    addIntervals(result, "interval_received_bytes_per_second", f.receivedIntervals());
    return Optional.empty();
  }

  private static void addIntervals(ProbeResult.Builder result, String name, List<Long> values) {
    if (values.isEmpty()) {
      return;
    }
    Samples samples = new Samples();
    values.forEach(samples::record);
    result.addDistributions(samples.toDistribution(name));
  }

  static Scalar scalar(String name, double value) {
    return Scalar.newBuilder().setName(name).setValue(value).build();
  }
}
