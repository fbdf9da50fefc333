package io.guestbench.collector.schedule;

import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.RunProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One network test the scheduler runs between every pair, as configured: the probe and its
 * parameters except {@code peer}, which each command fills in with the server's address.
 *
 * @param name the probe within the net family: stream, rr, crr or udp
 * @param params the probe's parameters, passed to the agent as they are
 * @param busy warm-up plus measured time, what the test needs of its slot
 */
public record NetTest(String name, Map<String, String> params, Duration busy) {
  public NetTest {
    Objects.requireNonNull(name, "name");
    params = Map.copyOf(params);
    Objects.requireNonNull(busy, "busy");
  }

  /** The command's action: this test against {@code peer}. */
  public RunProbe runProbe(String peer) {
    return RunProbe.newBuilder()
        .setKind(ProbeKind.PROBE_KIND_NET)
        .setName(name)
        .putAllParams(params)
        .putParams("peer", peer)
        .build();
  }
}
