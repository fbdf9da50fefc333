package io.guestbench.agent.cli;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.net.NetUdpProbe;
import io.guestbench.agent.probe.net.UdpParams;
import io.guestbench.common.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code net udp}: a UDP stream at a target rate; loss, reordering and jitter at the peer. */
@Command(name = "udp", description = "UDP at a target bit rate: loss, reordering and jitter.")
final class NetUdpCommand extends NetTestCommand {
  @Option(
      names = "--bitrate",
      paramLabel = "BITS",
      description = "Bits per second, e.g. 100M (k, M, G: powers of 1000). Default: 10M.")
  String bitrate;

  @Option(
      names = "--datagram-bytes",
      paramLabel = "N",
      description = "UDP payload per datagram. Default: 1400.")
  String datagramBytes;

  @Override
  Probe probe(Clock clock, StealSampler steal, HostFiles host) {
    return new NetUdpProbe(clock, steal);
  }

  @Override
  void params(Map<String, String> params) {
    put(params, UdpParams.BITRATE, bitrate);
    put(params, UdpParams.DATAGRAM_BYTES, datagramBytes);
  }
}
