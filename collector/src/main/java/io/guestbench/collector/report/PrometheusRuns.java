package io.guestbench.collector.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestbench.collector.compare.Run;
import io.guestbench.collector.metrics.ComparableValues;
import io.guestbench.proto.v1.RunStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads runs from any Prometheus-compatible query API (Prometheus, Thanos, Mimir) for fleets beyond
 * one collector. Prometheus keeps each probe configuration's gauge as a series sampled at every
 * scrape; a run shows as a change of value, so each value change in the window is taken as one run.
 * Two consecutive runs with exactly the same value count once, and a run between two scrapes that
 * was overwritten before the next scrape is not seen: both are rare for measured values, and the
 * note in the report says so. Distributions' quantiles, steal and probe versions are not in
 * Prometheus; trouble comes from {@code guestbench_probe_runs_total}.
 */
public final class PrometheusRuns {
  /** Labels of the scrape target, not of the agent. */
  private static final Set<String> TARGET_LABELS = Set.of("__name__", "job", "instance");

  private static final Set<String> RUN_FIELDS = Set.of("agent_id", "instance_type", "zone");

  /**
   * @param runs one per value change of a comparable gauge series
   * @param trouble per group of {@code by}, from the runs counter
   * @param series how many series were read
   */
  public record Read(List<RunRecord> runs, List<GroupTrouble> trouble, int series) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final ComparableValues values = ComparableValues.standard();
  private final URI base;

  public PrometheusRuns(URI base) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  /** The runs of the {@code window} that ends at {@code end}, grouped for trouble by {@code by}. */
  public Read read(Duration window, Instant end, String by) throws IOException {
    Map<String, ComparableValues.GaugeFamily> families = values.gaugeFamilies();
    String selector = "{__name__=~\"" + String.join("|", families.keySet()) + "\",agent_id!=\"\"}";
    long step = Math.max(15, window.toSeconds() / 10_000);
    JsonNode matrix =
        get(
            "/api/v1/query_range?query=%s&start=%d&end=%d&step=%d"
                .formatted(
                    encode(selector),
                    end.minus(window).getEpochSecond(),
                    end.getEpochSecond(),
                    step));
    List<RunRecord> runs = new ArrayList<>();
    int series = 0;
    for (JsonNode s : matrix) {
      Map<String, String> labels = labels(s.path("metric"));
      ComparableValues.GaugeFamily family = families.get(labels.get("__name__"));
      if (family == null) {
        continue;
      }
      series++;
      String config = ComparableValues.config(family.probe(), family.params(), labels);
      Map<String, String> runLabels = runLabels(labels, family.params());
      double last = Double.NaN;
      for (JsonNode point : s.path("values")) {
        double v = Double.parseDouble(point.get(1).asText());
        if (Double.isFinite(v) && v != last) {
          Instant at = Instant.ofEpochMilli(Math.round(point.get(0).asDouble() * 1000));
          Run run =
              new Run(
                  labels.getOrDefault("agent_id", ""),
                  at,
                  labels.getOrDefault("instance_type", ""),
                  labels.getOrDefault("zone", ""),
                  "",
                  OptionalDouble.empty(),
                  runLabels);
          runs.add(
              new RunRecord(
                  run,
                  config,
                  RunStatus.RUN_STATUS_OK,
                  List.of(new ComparableValues.Value(config, labels.get("__name__"), v))));
        }
        last = v;
      }
    }
    return new Read(runs, trouble(window, end, by), series);
  }

  /** Errors, timeouts and runs per group from the increase of the runs counter over the window. */
  private List<GroupTrouble> trouble(Duration window, Instant end, String by) throws IOException {
    String query =
        "sum by (agent_id, %s, status) (increase(guestbench_probe_runs_total[%ds]))"
            .formatted(by, window.toSeconds());
    JsonNode vector =
        get("/api/v1/query?query=%s&time=%d".formatted(encode(query), end.getEpochSecond()));
    Map<String, long[]> counts = new TreeMap<>(); // runs, errors, timeouts
    Map<String, Set<String>> agents = new HashMap<>();
    for (JsonNode s : vector) {
      String group = s.path("metric").path(by).asText("");
      if (group.isEmpty()) {
        continue;
      }
      long n = Math.round(Double.parseDouble(s.path("value").get(1).asText()));
      long[] c = counts.computeIfAbsent(group, g -> new long[3]);
      c[0] += n;
      switch (s.path("metric").path("status").asText()) {
        case "error" -> c[1] += n;
        case "timeout" -> c[2] += n;
        default -> {}
      }
      agents
          .computeIfAbsent(group, g -> new HashSet<>())
          .add(s.path("metric").path("agent_id").asText());
    }
    List<GroupTrouble> out = new ArrayList<>();
    double hours = window.toSeconds() / 3600.0;
    counts.forEach(
        (group, c) -> {
          int n = agents.get(group).size();
          out.add(
              new GroupTrouble(
                  group, n, c[0], c[1], c[2], n * hours, Double.NaN, 0, 0, -1, Map.of()));
        });
    return out;
  }

  private JsonNode get(String pathAndQuery) throws IOException {
    URI uri = URI.create(base + pathAndQuery);
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + base, e);
    } catch (IOException e) {
      throw new IOException("cannot reach the Prometheus API at " + base + ": " + e, e);
    }
    JsonNode body;
    try {
      body = json.readTree(response.body());
    } catch (IOException e) {
      throw new IOException(
          base
              + " answered "
              + response.statusCode()
              + " with something that is not the"
              + " Prometheus API's JSON (expected: the base URL of a Prometheus-compatible API)");
    }
    if (!"success".equals(body.path("status").asText())) {
      throw new IOException(
          base + " refused the query: " + body.path("error").asText(response.body()));
    }
    return body.path("data").path("result");
  }

  private static Map<String, String> labels(JsonNode metric) {
    Map<String, String> out = new HashMap<>();
    metric.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static Map<String, String> runLabels(Map<String, String> labels, List<String> params) {
    Map<String, String> out = new HashMap<>();
    labels.forEach(
        (k, v) -> {
          if (!TARGET_LABELS.contains(k)
              && !RUN_FIELDS.contains(k)
              && !params.contains(k)
              && !v.isEmpty()) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
