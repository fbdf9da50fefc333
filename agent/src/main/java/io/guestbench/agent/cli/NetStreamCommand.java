package io.guestbench.agent.cli;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.net.NetStreamProbe;
import io.guestbench.agent.probe.net.StreamParams;
import io.guestbench.common.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code net stream}: TCP throughput against a peer. */
@Command(name = "stream", description = "TCP throughput to and/or from a peer, per interval.")
final class NetStreamCommand extends NetTestCommand {
  @Option(names = "--direction", paramLabel = "send|receive|both", description = "Default: send.")
  String direction;

  @Option(names = "--streams", paramLabel = "N", description = "Parallel connections. Default: 1.")
  String streams;

  @Option(
      names = "--message-bytes",
      paramLabel = "N",
      description = "Bytes per write. Default: 131072.")
  String messageBytes;

  @Option(names = "--interval", paramLabel = "DURATION", description = "Default: 1s.")
  String interval;

  @Override
  Probe probe(Clock clock, StealSampler steal, HostFiles host) {
    return new NetStreamProbe(clock, steal, host);
  }

  @Override
  void params(Map<String, String> params) {
    put(params, StreamParams.DIRECTION, direction);
    put(params, StreamParams.STREAMS, streams);
    put(params, StreamParams.MESSAGE_BYTES, messageBytes);
    put(params, StreamParams.INTERVAL, interval);
  }
}
