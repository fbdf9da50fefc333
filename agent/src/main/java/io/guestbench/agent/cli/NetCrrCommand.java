package io.guestbench.agent.cli;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.net.NetCrrProbe;
import io.guestbench.agent.probe.net.RrParams;
import io.guestbench.common.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code net crr}: connect + request/response + close against a peer. */
@Command(name = "crr", description = "A new TCP connection per request/response, timed to close.")
final class NetCrrCommand extends NetTestCommand {
  @Option(names = "--request-bytes", paramLabel = "N", description = "Default: 1.")
  String requestBytes;

  @Option(names = "--response-bytes", paramLabel = "N", description = "Default: 1.")
  String responseBytes;

  @Override
  Probe probe(Clock clock, StealSampler steal, HostFiles host) {
    return new NetCrrProbe(clock, steal);
  }

  @Override
  void params(Map<String, String> params) {
    put(params, RrParams.REQUEST_BYTES, requestBytes);
    put(params, RrParams.RESPONSE_BYTES, responseBytes);
  }
}
