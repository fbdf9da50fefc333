package io.guestbench.agent.config;

import io.guestbench.common.config.ConfigNode;
import java.util.Map;
import java.util.regex.Pattern;

/** The shapes of agent ids and labels that the collector accepts. */
public final class Identifiers {
  static final int MAX_LABELS = 16;
  static final int MAX_LABEL_VALUE = 128;
  private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern LABEL_KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private Identifiers() {}

  public static boolean isAgentId(String id) {
    return id != null && AGENT_ID.matcher(id).matches();
  }

  /** Reads a label mapping, recording a problem for each bad key or value. */
  static Map<String, String> checkLabels(ConfigNode node, String key) {
    Map<String, String> labels = node.stringMap(key);
    String path = node.path(key);
    if (labels.size() > MAX_LABELS) {
      node.problems().add(path, labels.size() + " labels", "at most " + MAX_LABELS);
    }
    labels.forEach(
        (k, v) -> {
          if (!LABEL_KEY.matcher(k).matches()) {
            node.problems().add(path + "." + k, "bad label name", "[a-z][a-z0-9_]{0,63}");
          }
          if (v.length() > MAX_LABEL_VALUE) {
            node.problems().add(path + "." + k, v.length() + " characters", "at most 128");
          }
        });
    return labels;
  }
}
