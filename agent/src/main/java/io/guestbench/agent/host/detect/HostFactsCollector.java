package io.guestbench.agent.host.detect;

import com.google.inject.Inject;
import io.guestbench.agent.host.FactSource;
import io.guestbench.agent.host.HostFiles;
import io.guestbench.proto.v1.HostFacts;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The host facts sent in {@code Hello}: detection over the host root, then any further sources. */
public final class HostFactsCollector {
  private final SnapshotReader reader;
  private final GuestDetector detector = new GuestDetector();
  private final List<FactSource> sources;

  @Inject
  public HostFactsCollector(HostFiles host, Set<FactSource> sources) {
    this.reader = new SnapshotReader(host);
    this.sources = List.copyOf(sources);
  }

  /** Reads the host, detects and merges; never throws for what the host or a source says. */
  public HostFacts collect() {
    return collect(List.of());
  }

  /** As {@link #collect()}, with further sources known only at run time (instance metadata). */
  public HostFacts collect(List<FactSource> extra) {
    Detection detection = detector.detect(reader.read());
    FactSheet sheet = new FactSheet(detection.facts());
    sources.forEach(source -> merge(source, sheet));
    extra.forEach(source -> merge(source, sheet));
    HostFacts.Builder proto =
        HostFacts.newBuilder().setVirtType(detection.virtType().label()).putAllFacts(sheet.facts());
    detection.evidence().forEach(e -> proto.addEvidence(e.toProto()));
    sheet.notes().forEach(e -> proto.addEvidence(e.toProto()));
    return proto.build();
  }

  /** A source's facts go in after detection's, so they can add but never overrule. */
  private static void merge(FactSource source, FactSheet sheet) {
    Map<String, String> extra;
    try {
      extra = Objects.requireNonNullElse(source.facts(), Map.of());
    } catch (RuntimeException e) {
      String name = source.getClass().getName();
      sheet.note(new Evidence("fact_source", name, "failed, skipped: " + e, false));
      return;
    }
    extra.forEach((key, value) -> sheet.put(String.valueOf(key), String.valueOf(value)));
    source
        .notes()
        .forEach(note -> sheet.note(new Evidence(source.name(), source.name(), note, false)));
  }
}
