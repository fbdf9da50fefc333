package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.ProbeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which probe results the collector knows and the fixed families they become. A new probe is one
 * more {@link ProbeSpec} in {@link #standard()}.
 */
final class Catalogue {
  private final Map<ProbeKey, ProbeSpec> probes = new HashMap<>();
  private final List<Family> families = new ArrayList<>(Families.ALL);

  private record ProbeKey(ProbeKind kind, String name) {}

  Catalogue(List<ProbeSpec> specs) {
    for (ProbeSpec spec : specs) {
      if (probes.put(new ProbeKey(spec.kind(), spec.name()), spec) != null) {
        throw new IllegalArgumentException("probe " + spec.id() + " listed twice");
      }
      for (Family family : spec.families()) {
        // Probes that measure the same quantity share its family (net.rr and net.crr share the
        // round-trip time, told apart by their mode label); it is listed once.
        if (!families.contains(family)) {
          families.add(family);
        }
      }
    }
    Set<String> names = new HashSet<>();
    for (Family family : families) {
      if (!names.add(family.name())) {
        throw new IllegalArgumentException("family " + family.name() + " defined twice");
      }
    }
  }

  /** Every probe guestbench has. */
  static Catalogue standard() {
    return new Catalogue(
        List.of(
            CpuProbes.compute(),
            DiskProbes.job(),
            MemProbes.bandwidth(),
            MemProbes.latency(),
            OsProbes.clockRead(),
            OsProbes.syscall(),
            OsProbes.pageFault(),
            OsProbes.spawn(),
            OsProbes.contextSwitch(),
            NetProbes.stream(),
            NetProbes.rr(),
            NetProbes.crr(),
            NetProbes.udp()));
  }

  /** Every probe, in no particular order. */
  java.util.Collection<ProbeSpec> probes() {
    return java.util.List.copyOf(probes.values());
  }

  /** The probe, or null when the catalogue does not know it. */
  ProbeSpec find(ProbeKind kind, String name) {
    return probes.get(new ProbeKey(kind, name));
  }

  /** Every family, the generic ones first. */
  List<Family> families() {
    return List.copyOf(families);
  }
}
