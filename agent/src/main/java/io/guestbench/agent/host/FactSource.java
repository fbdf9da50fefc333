package io.guestbench.agent.host;

import java.util.List;
import java.util.Map;

/**
 * A source of host facts beyond the local files, such as EC2 instance metadata; bound into a set so
 * the detector's collector merges them after its own facts.
 */
public interface FactSource {
  /**
   * The facts this source knows, flat like the detector's ({@code instance_type}, {@code ami_id}).
   * Keys the detector already set keep the detector's value. Must not block for long and should not
   * throw; a source that throws is noted in the evidence and skipped.
   */
  Map<String, String> facts();

  /** What went wrong or was noteworthy in the last {@link #facts} call, one line each. */
  default List<String> notes() {
    return List.of();
  }

  /** The rule name its notes appear under in the evidence, for example {@code imds}. */
  default String name() {
    return getClass().getSimpleName();
  }
}
