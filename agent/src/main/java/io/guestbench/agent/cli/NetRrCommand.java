package io.guestbench.agent.cli;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.net.NetRrProbe;
import io.guestbench.agent.probe.net.RrParams;
import io.guestbench.common.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code net rr}: request/response latency against a peer. */
@Command(
    name = "rr",
    description =
        "Request/response latency with a peer: TCP closed loop, TCP open loop (--rate), or UDP.")
final class NetRrCommand extends NetTestCommand {
  @Option(names = "--mode", paramLabel = "tcp_rr|udp_rr", description = "Default: tcp_rr.")
  String mode;

  @Option(names = "--request-bytes", paramLabel = "N", description = "Default: 1 (udp_rr: 16).")
  String requestBytes;

  @Option(names = "--response-bytes", paramLabel = "N", description = "Default: 1 (udp_rr: 16).")
  String responseBytes;

  @Option(
      names = "--rate",
      paramLabel = "PER_SECOND",
      description =
          "Open loop: send this many requests per second whatever the responses do, timing each"
              + " from when it was due. Default: 0, closed loop.")
  String rate;

  @Override
  Probe probe(Clock clock, StealSampler steal, HostFiles host) {
    return new NetRrProbe(clock, steal);
  }

  @Override
  void params(Map<String, String> params) {
    put(params, RrParams.MODE, mode);
    put(params, RrParams.REQUEST_BYTES, requestBytes);
    put(params, RrParams.RESPONSE_BYTES, responseBytes);
    put(params, RrParams.RATE, rate);
  }
}
