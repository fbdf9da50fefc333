package io.guestbench.agent.probe;

import com.google.inject.Inject;
import io.guestbench.proto.v1.ProbeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Every probe this agent can run, by id ({@code <family>.<name>}, for example cpu.compute). */
public final class ProbeCatalog {
  private final Map<String, Probe> byId = new TreeMap<>();

  @Inject
  public ProbeCatalog(Set<Probe> probes) {
    for (Probe probe : probes) {
      byId.put(id(probe.kind(), probe.name()), probe);
    }
  }

  /** The id of a probe: its family and name, for example {@code cpu.compute}. */
  public static String id(ProbeKind kind, String name) {
    return family(kind) + "." + name;
  }

  /** The family word for a kind, as plans and metrics spell it. */
  public static String family(ProbeKind kind) {
    return switch (kind) {
      case PROBE_KIND_CPU -> "cpu";
      case PROBE_KIND_DISK -> "disk";
      case PROBE_KIND_NET -> "net";
      case PROBE_KIND_OS -> "os";
      case PROBE_KIND_UNSPECIFIED, UNRECOGNIZED -> "unknown";
    };
  }

  public Optional<Probe> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Set<String> ids() {
    return byId.keySet();
  }

  /** Problems with a spec: an unknown probe, or the probe's own parameter problems. */
  public List<String> check(ProbeSpec spec) {
    Probe probe = byId.get(spec.probe());
    if (probe == null) {
      return List.of(
          "probe: " + spec.probe() + " (expected: one of " + String.join(", ", ids()) + ")");
    }
    return new ArrayList<>(probe.check(spec.params()));
  }
}
