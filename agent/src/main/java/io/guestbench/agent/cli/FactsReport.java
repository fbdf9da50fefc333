package io.guestbench.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guestbench.proto.v1.Evidence;
import io.guestbench.proto.v1.HostFacts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders host facts as a table for people or JSON for programs; facts sorted by key. */
final class FactsReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Longer sources (the Xen rows name four files) are not padded, so the table stays narrow. */
  private static final int MAX_SOURCE_WIDTH = 48;

  private FactsReport() {}

  static String table(HostFacts facts) {
    Map<String, String> sorted = new TreeMap<>(facts.getFactsMap());
    int keyWidth = Math.max("virt_type".length(), longest(sorted.keySet()));
    String row = "%-" + keyWidth + "s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, row, "virt_type", facts.getVirtType()));
    sorted.forEach((k, v) -> out.append(String.format(Locale.ROOT, row, k, v)));
    out.append(System.lineSeparator()).append("evidence").append(System.lineSeparator());
    return evidence(facts.getEvidenceList(), out).toString();
  }

  /** Numbered lines: rule, ✓ for the one that decided, source, observed. */
  private static StringBuilder evidence(List<Evidence> all, StringBuilder out) {
    int ruleWidth = Math.max(1, longest(all.stream().map(Evidence::getRule).toList()));
    int sourceWidth =
        all.stream()
            .mapToInt(e -> e.getSource().length())
            .filter(n -> n <= MAX_SOURCE_WIDTH)
            .max()
            .orElse(1);
    String line = "%2d %-" + ruleWidth + "s %s %-" + sourceWidth + "s  %s%n";
    for (int i = 0; i < all.size(); i++) {
      Evidence e = all.get(i);
      String decided = e.getDecided() ? "✓" : "–";
      out.append(
          String.format(
              Locale.ROOT, line, i + 1, e.getRule(), decided, e.getSource(), e.getObserved()));
    }
    return out;
  }

  static String json(HostFacts facts) {
    ObjectNode root = JSON.createObjectNode();
    root.put("virt_type", facts.getVirtType());
    ObjectNode f = root.putObject("facts");
    new TreeMap<>(facts.getFactsMap()).forEach(f::put);
    ArrayNode evidence = root.putArray("evidence");
    for (Evidence e : facts.getEvidenceList()) {
      ObjectNode item = evidence.addObject();
      item.put("rule", e.getRule());
      item.put("source", e.getSource());
      item.put("observed", e.getObserved());
      item.put("decided", e.getDecided());
    }
    return root.toPrettyString();
  }

  private static int longest(Iterable<String> names) {
    int max = 0;
    for (String name : names) {
      max = Math.max(max, name.length());
    }
    return max;
  }
}
