package io.guestbench.agent.probe.os;

import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.method.Measurer;
import io.guestbench.common.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The smallest real measurements: no warm-up, two repetitions of a few milliseconds. */
final class Tiny {
  static final Map<String, String> METHOD =
      Map.of("warmup", "0s", "repetition", "3ms", "min_repetitions", "2", "max_repetitions", "2");

  private Tiny() {}

  /** A measurer on the real clock; steal comes from a static fixture, so it reads as unknown. */
  static Measurer measurer() {
    return new Measurer(Clock.system(), new StealSampler(HostFixtures.files("kvm")));
  }

  /** A run with the tiny method and {@code more} parameters. */
  static ProbeRun run(String... more) {
    Map<String, String> params = new HashMap<>(METHOD);
    for (int i = 0; i < more.length; i += 2) {
      params.put(more[i], more[i + 1]);
    }
    return new ProbeRun("test-1", params, ProbeRun.Progress.NONE);
  }
}
