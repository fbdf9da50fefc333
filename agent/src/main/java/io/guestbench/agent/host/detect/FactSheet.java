package io.guestbench.agent.host.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects facts within the proto's bounds (64 entries, keys {@code [a-z][a-z0-9_]{0,63}}, values
 * of at most 256 characters) together with the notes that explain unknown or derived values.
 */
final class FactSheet {
  static final int MAX_FACTS = 64;
  private static final String KEY = "[a-z][a-z0-9_]{0,63}";

  private final Map<String, String> facts = new TreeMap<>();
  private final List<Evidence> notes = new ArrayList<>();
  private final List<String> dropped = new ArrayList<>();

  FactSheet() {}

  /** A sheet that starts with facts already decided, which count against the budget. */
  FactSheet(Map<String, String> decided) {
    facts.putAll(decided);
  }

  /** Adds a fact; an earlier value for the key wins, and a full sheet drops the newcomer. */
  boolean put(String key, String value) {
    if (!key.matches(KEY) || facts.containsKey(key) || facts.size() >= MAX_FACTS) {
      dropped.add(Text.line(key));
      return false;
    }
    facts.put(key, Text.line(value));
    return true;
  }

  /** Adds a fact with the evidence for it, under a rule named after the key. */
  void put(String key, String value, String source, String observed) {
    if (put(key, value)) {
      notes.add(new Evidence(key, source, observed + " → " + Text.line(value), false));
    }
  }

  /** Adds a fact, or {@code unknown} with the reason when there is no value. */
  void putOrUnknown(String key, Optional<String> value, String source, String reason) {
    if (value.isPresent()) {
      put(key, value.get());
    } else if (put(key, "unknown")) {
      notes.add(new Evidence("fact_" + key, source, reason, false));
    }
  }

  /** Adds an explanatory note that belongs to no single fact. */
  void note(Evidence evidence) {
    notes.add(evidence);
  }

  /** The facts, sorted by key. */
  Map<String, String> facts() {
    return Collections.unmodifiableMap(new TreeMap<>(facts));
  }

  /** The explanatory notes, then one line naming facts that did not fit, if any. */
  List<Evidence> notes() {
    List<Evidence> all = new ArrayList<>(notes);
    if (!dropped.isEmpty()) {
      String names = String.join(", ", dropped);
      all.add(
          new Evidence(
              "facts_dropped", "fact budget", "duplicate, invalid or over 64: " + names, false));
    }
    return all;
  }
}
