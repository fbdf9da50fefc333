package io.guestbench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Grafana dashboard file read the way Grafana reads it: variables, rows, panels, queries. */
final class GrafanaDashboard {
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)");

  final JsonNode root;
  final List<Variable> variables = new ArrayList<>();
  final List<Target> targets = new ArrayList<>();

  private GrafanaDashboard(JsonNode root) {
    this.root = root;
    for (JsonNode v : root.path("templating").path("list")) {
      variables.add(new Variable(v));
    }
    String row = "";
    for (JsonNode panel : root.path("panels")) {
      if (panel.path("type").asText().equals("row")) {
        row = panel.path("title").asText();
        continue;
      }
      for (JsonNode t : panel.path("targets")) {
        targets.add(
            new Target(
                row,
                panel.path("title").asText(),
                panel.path("datasource").path("uid").asText(),
                t.path("refId").asText(),
                t.path("expr").asText(),
                t.path("legendFormat").asText()));
      }
    }
  }

  static GrafanaDashboard read(Path file) throws IOException {
    return new GrafanaDashboard(new ObjectMapper().readTree(file.toFile()));
  }

  /**
   * {@code text} with every {@code $name} and {@code ${name}} replaced, longest names first so that
   * {@code $instance_type} is not read as {@code $instance}.
   */
  static String substitute(String text, Map<String, String> values) {
    String out = text;
    List<String> names =
        values.keySet().stream().sorted(Comparator.comparing(String::length).reversed()).toList();
    for (String name : names) {
      String value = Matcher.quoteReplacement(values.get(name));
      out = out.replace("${" + name + "}", values.get(name));
      out = out.replaceAll("\\$" + Pattern.quote(name) + "(?![A-Za-z0-9_])", value);
    }
    return out;
  }

  /** One template variable. */
  record Variable(String name, String type, String query, JsonNode current) {
    Variable(JsonNode v) {
      this(
          v.path("name").asText(),
          v.path("type").asText(),
          v.path("query").isObject()
              ? v.path("query").path("query").asText()
              : v.path("query").asText(),
          v.path("current"));
    }

    /** The series selector and label of a {@code label_values(selector, label)} query. */
    List<String> labelValues() {
      Matcher m = LABEL_VALUES.matcher(query);
      if (!m.matches()) {
        throw new AssertionError("variable " + name + ": not a label_values query: " + query);
      }
      return List.of(m.group(1).trim(), m.group(2));
    }

    /** The values the dashboard opens with ({@code $__all} for All). */
    List<String> defaults() {
      JsonNode value = current.path("value");
      List<String> out = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(x -> out.add(x.asText()));
      } else if (!value.isMissingNode()) {
        out.add(value.asText());
      }
      return out;
    }
  }

  /** One query of one panel, with the row it sits in. */
  record Target(
      String row, String panel, String datasourceUid, String refId, String expr, String legend) {
    @Override
    public String toString() {
      return "[" + row + "] " + panel + " / " + refId;
    }
  }
}
