package io.guestbench.agent.probe.net;

import static io.guestbench.agent.probe.net.NetStreamProbe.scalar;

import io.guestbench.agent.probe.net.client.RrFigures;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.proto.v1.ProbeResult;
import java.util.Optional;

/** The values of a request/response result, shared by net.rr and net.crr. */
final class RrResults {
  private RrResults() {}

  static Optional<String> fill(ProbeResult.Builder result, RrParams params, RrFigures f) {
    if (f.rtt().count() == 0) {
      return Optional.of(
          "no transaction completed in the measured time"
              + (f.lost() > 0 ? " (" + f.lost() + " UDP requests lost)" : ""));
    }
    result.addScalars(scalar("transactions_per_second", f.transactionsPerSecond()));
    if (params.kind() == TestKind.UDP_RR) {
      result.addScalars(scalar("loss_ratio", f.lossRatio()));
    }
    if (params.kind() == TestKind.RR && f.retransmits() >= 0) {
      result.addScalars(scalar("retransmitted_segments", f.retransmits()));
    }
    result.addDistributions(f.rtt().toDistribution("rtt_nanos"));
    return Optional.empty();
  }
}
