package io.guestbench.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestbench.common.text.ByteSizes;
import io.guestbench.common.text.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mapping in a config document, read key by key. Every read records a problem instead of throwing
 * and falls back to the default, so one pass finds every problem; {@link #finish} reports keys
 * nobody read as unknown.
 */
public final class ConfigNode {
  private final String path;
  private final JsonNode node;
  private final ConfigProblems problems;
  private final Set<String> read = new HashSet<>();

  public ConfigNode(String path, JsonNode node, ConfigProblems problems) {
    this.path = path;
    this.node = node;
    this.problems = problems;
    if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
      problems.add(label(), describe(node), "a mapping");
    }
  }

  /** The root mapping of a document. */
  public static ConfigNode root(JsonNode node, ConfigProblems problems) {
    return new ConfigNode("", node, problems);
  }

  public String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public boolean has(String key) {
    JsonNode v = node.path(key);
    return !v.isMissingNode() && !v.isNull();
  }

  public ConfigNode child(String key) {
    return new ConfigNode(path(key), value(key), problems);
  }

  public String string(String key, String fallback) {
    JsonNode v = value(key);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isValueNode()) {
      problems.add(path(key), describe(v), "a single value");
      return fallback;
    }
    return v.asText();
  }

  public long integer(String key, long fallback, long min, long max) {
    String text = string(key, null);
    if (text == null) {
      return fallback;
    }
    try {
      long v = Long.parseLong(text.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected range
    }
    problems.add(path(key), text, min + ".." + max);
    return fallback;
  }

  /** A finite decimal number within {@code min..max}. */
  public double decimal(String key, double fallback, double min, double max) {
    String text = string(key, null);
    if (text == null) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(text.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected range
    }
    problems.add(path(key), text, min + ".." + max);
    return fallback;
  }

  public boolean bool(String key, boolean fallback) {
    String text = string(key, null);
    if (text == null) {
      return fallback;
    }
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.add(path(key), text, "true or false");
        yield fallback;
      }
    };
  }

  public Duration duration(String key, Duration fallback, Duration min, Duration max) {
    String text = string(key, null);
    if (text == null) {
      return fallback;
    }
    try {
      Duration d = Durations.parse(text);
      if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
        return d;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // reported below with the expected range
    }
    problems.add(path(key), text, Durations.format(min) + ".." + Durations.format(max));
    return fallback;
  }

  public long bytes(String key, long fallback, long min, long max) {
    String text = string(key, null);
    if (text == null) {
      return fallback;
    }
    try {
      long v = ByteSizes.parse(text);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // reported below with the expected range
    }
    problems.add(path(key), text, "a size from " + min + " to " + max + " bytes, e.g. 64MiB");
    return fallback;
  }

  /** A mapping of scalar values, in document order. */
  public Map<String, String> stringMap(String key) {
    JsonNode v = value(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (v.isMissingNode() || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      problems.add(path(key), describe(v), "a mapping");
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        out.put(e.getKey(), e.getValue().asText());
      } else {
        problems.add(path(key) + "." + e.getKey(), describe(e.getValue()), "a single value");
      }
    }
    return out;
  }

  /** The items of a sequence of mappings, each as its own node. */
  public List<ConfigNode> list(String key) {
    JsonNode v = value(key);
    List<ConfigNode> out = new ArrayList<>();
    if (v.isMissingNode() || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problems.add(path(key), describe(v), "a list");
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      out.add(new ConfigNode(path(key) + "[" + i + "]", v.get(i), problems));
    }
    return out;
  }

  /** Every key in this mapping, read or not, in document order. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** Marks a key as read without reading it (its owner validates it elsewhere). */
  public void claim(String key) {
    read.add(key);
  }

  /** Reports every key that was never read. */
  public void finish() {
    for (String key : keys()) {
      if (!read.contains(key)) {
        problems.add(path(key) + ": unknown key");
      }
    }
  }

  public ConfigProblems problems() {
    return problems;
  }

  private JsonNode value(String key) {
    read.add(key);
    return node.path(key);
  }

  private String label() {
    return path.isEmpty() ? "(document)" : path;
  }

  private static String describe(JsonNode v) {
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isArray()) {
      return "a list";
    }
    return v.asText();
  }
}
