package io.guestbench.agent.host.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides the guest type from a {@link HostSnapshot} by DOMAIN.md's table, top to bottom, and
 * gathers the facts that go with it. A pure function: the same snapshot gives the same answer.
 */
public final class GuestDetector {
  /** Detects the guest type and facts of one snapshot. */
  public Detection detect(HostSnapshot snapshot) {
    Signals signals = Signals.of(snapshot);
    List<Evidence> evidence = new ArrayList<>();
    VirtType type = decide(signals, evidence);
    FactSheet sheet = new FactSheet();
    SystemFacts.fill(snapshot, signals, sheet);
    SubModes.fill(snapshot, signals, type, sheet);
    evidence.addAll(sheet.notes());
    return new Detection(type, sheet.facts(), evidence);
  }

  /**
   * Evaluates every row, not only up to the deciding one, so the evidence also shows what a later
   * row saw: a PVH guest that also looks firmware-less, an EC2 host whose flag says otherwise.
   */
  private static VirtType decide(Signals signals, List<Evidence> evidence) {
    VirtType decided = null;
    int decidingRow = 0;
    for (int row = 1; row <= GuestRules.TABLE.size(); row++) {
      GuestRules.Rule rule = GuestRules.TABLE.get(row - 1);
      Check check = rule.check().apply(signals);
      boolean decides = decided == null && check.result().isPresent();
      String observed = check.observed();
      if (decides) {
        decided = check.result().get();
        decidingRow = row;
        observed += " → " + decided.label();
      } else if (check.result().isPresent()) {
        observed += " (holds too, but row " + decidingRow + " came first)";
      }
      evidence.add(new Evidence(rule.name(), check.source(), observed, decides));
    }
    if (decided == null) { // the last row always holds
      throw new IllegalStateException("no row of the decision table held");
    }
    return decided;
  }
}
