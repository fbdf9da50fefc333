package io.guestbench.agent.host.imds;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the instance metadata service said: facts under the keys {@code instance_type}, {@code
 * ami_id}, {@code instance_id}, {@code availability_zone}, {@code region}, {@code kernel_id} and
 * {@code pv_kernel_hint} (absent keys omitted), and notes saying why anything is missing.
 */
public record ImdsFacts(Map<String, String> facts, List<String> notes) {

  public ImdsFacts {
    facts = Collections.unmodifiableSortedMap(new TreeMap<>(facts));
    notes = List.copyOf(notes);
  }

  /** No facts, one note. */
  static ImdsFacts none(String note) {
    return new ImdsFacts(Map.of(), List.of(note));
  }

  /** True when nothing at all was learned. */
  public boolean isEmpty() {
    return facts.isEmpty();
  }
}
