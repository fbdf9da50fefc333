package io.guestbench.collector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.guestbench.collector.compare.CompareOptions;
import io.guestbench.collector.cost.PriceTable;
import io.guestbench.collector.report.Answer;
import io.guestbench.collector.report.AnswerHtml;
import io.guestbench.collector.report.AnswerJson;
import io.guestbench.collector.report.JournalRuns;
import io.guestbench.common.time.Clock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/compare?by=LABEL&reference=GROUP&seed=N}: the answer over this collector's
 * journal as JSON; {@code /compare} with the same parameters, as a page. One computation at a time;
 * the same query within {@link #REUSE} gets the answer already computed, so a page or dashboard
 * refreshing every few seconds does not rerun the bootstrap.
 */
public final class CompareEndpoint implements HttpHandler {
  /** How the answer is written: JSON for the API, HTML for the page. */
  public enum Shape {
    JSON("application/json"),
    PAGE("text/html");

    final String contentType;

    Shape(String contentType) {
      this.contentType = contentType;
    }
  }

  static final Duration REUSE = Duration.ofSeconds(10);

  private final Path journalDir;
  private final Clock clock;
  private final Supplier<Optional<PriceTable>> prices;
  private final Map<String, Computed> recent = new HashMap<>();

  private record Computed(long atNanos, Answer answer) {}

  /** Without prices: the answer has no cost part. */
  public CompareEndpoint(Path journalDir, Clock clock) {
    this(journalDir, clock, Optional::empty);
  }

  public CompareEndpoint(Path journalDir, Clock clock, Supplier<Optional<PriceTable>> prices) {
    this.journalDir = journalDir;
    this.clock = clock;
    this.prices = prices;
  }

  /** The handler for one shape; both share this endpoint's computed answers. */
  public HttpHandler as(Shape shape) {
    return exchange -> handle(exchange, shape);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    handle(exchange, Shape.JSON);
  }

  private void handle(HttpExchange exchange, Shape shape) throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      send(exchange, 405, "text/plain", "only GET\n");
      return;
    }
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    List<String> problems = new ArrayList<>();
    CompareOptions options = options(query, problems);
    if (!problems.isEmpty()) {
      send(exchange, 400, "text/plain", String.join("\n", problems) + "\n");
      return;
    }
    Answer answer;
    try {
      answer = answer(options);
    } catch (IOException e) {
      send(exchange, 503, "text/plain", "cannot read the journal: " + e.getMessage() + "\n");
      return;
    }
    String body = shape == Shape.JSON ? AnswerJson.render(answer) : AnswerHtml.render(answer);
    send(exchange, 200, shape.contentType, body);
  }

  /** The answer for these options, reused while fresh. */
  synchronized Answer answer(CompareOptions options) throws IOException {
    String key = options.toString();
    long now = clock.monotonicNanos();
    Computed c = recent.get(key);
    if (c != null && now - c.atNanos() < REUSE.toNanos()) {
      return c.answer();
    }
    JournalRuns.Read read = new JournalRuns().read(journalDir, Optional.empty());
    List<String> notes = new ArrayList<>();
    if (read.damaged() > 0) {
      notes.add(read.damaged() + " damaged journal records skipped");
    }
    Answer answer =
        Answer.of(
            "journal " + journalDir, Instant.now(), read.runs(), prices.get(), options, notes);
    recent.clear(); // keep only the latest query's answer
    recent.put(key, new Computed(now, answer));
    return answer;
  }

  static CompareOptions options(Map<String, String> query, List<String> problems) {
    CompareOptions o = CompareOptions.defaults();
    try {
      if (query.containsKey("by")) {
        o = o.by(query.get("by"));
      }
      if (query.containsKey("reference")) {
        o = o.reference(query.get("reference"));
      }
      if (query.containsKey("seed")) {
        o = o.bootstrap(Long.parseLong(query.get("seed")), o.resamples());
      }
    } catch (NumberFormatException e) {
      problems.add("seed: " + query.get("seed") + " (expected: an integer)");
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    for (String key : query.keySet()) {
      if (!List.of("by", "reference", "seed").contains(key)) {
        problems.add(key + ": unknown parameter (expected: by, reference, seed)");
      }
    }
    return o;
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(decode(k), decode(v));
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
