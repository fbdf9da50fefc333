package io.guestbench.collector.compare;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/** Runs and observations for the compare tests. */
final class Fixtures {
  static final String CONFIG = "disk.job rw=randread bs_bytes=4096 iodepth=1";
  static final String IOPS = "guestbench_disk_read_ops_per_second";

  private Fixtures() {}

  /** A run of {@code virt} on agent {@code agent}, m3.medium in us-east-1a, probe 1.0, no steal. */
  static Run run(String virt, String agent) {
    return run(virt, agent, "m3.medium", "us-east-1a", "1.0", OptionalDouble.of(0.0));
  }

  static Run run(
      String virt, String agent, String type, String zone, String version, OptionalDouble steal) {
    return new Run(
        agent,
        Instant.parse("2026-11-26T12:00:00Z"),
        type,
        zone,
        version,
        steal,
        Map.of("virt_type", virt));
  }

  static Observation iops(Run run, double value) {
    return new Observation(run, CONFIG, IOPS, value);
  }
}
