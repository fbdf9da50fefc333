package io.guestbench.e2e.load;

import static java.util.stream.Collectors.joining;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The collector process seen from outside: /proc/PID and its /metrics page. */
final class CollectorWatch {
  private final long pid;
  private final URI metrics;
  private final URI ownSeries;
  private final URI journalAndBufferSeries;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  CollectorWatch(long pid, int httpPort) {
    this.pid = pid;
    this.metrics = URI.create("http://127.0.0.1:" + httpPort + "/metrics");
    this.ownSeries = filtered(metrics, OWN);
    this.journalAndBufferSeries = filtered(metrics, JOURNAL_AND_BUFFERS);
  }

  private static URI filtered(URI metrics, List<String> names) {
    return URI.create(
        metrics + names.stream().map(n -> "name%5B%5D=" + n).collect(joining("&", "?", "")));
  }

  /** The collector's CPU ticks and page faults so far. */
  ProcStat stat() throws IOException {
    return ProcStat.of(Long.toString(pid));
  }

  /** CPU ticks by kind of thread, see {@link ThreadCpu}. */
  Map<String, Long> threadTicks() throws IOException {
    return ThreadCpu.ticksByKind(Long.toString(pid));
  }

  /** A field of /proc/PID/status in KiB, for example VmRSS or VmHWM. */
  long statusKib(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
      }
    }
    throw new IOException("/proc/" + pid + "/status has no " + field);
  }

  /** What the load report reads of /metrics: the collector's own series, and the page's size. */
  record Scrape(String kept, long gzipBytes) {}

  /** The collector's own series the report reads, by family and sample name. */
  private static final List<String> OWN =
      List.of(
          "jvm_memory_used_bytes",
          "guestbench_collector_results_stored",
          "guestbench_collector_results_stored_total",
          "guestbench_collector_journal_fsync_seconds",
          "guestbench_collector_journal_group_records");

  private static final List<String> JOURNAL_AND_BUFFERS =
      List.of(
          "guestbench_collector_journal_fsync_seconds",
          "guestbench_collector_journal_pending_bytes",
          "guestbench_collector_grpc_buffer_bytes");

  /**
   * The journal's totals so far (group commits, seconds in write + fsync, bytes waiting) and the
   * direct memory the gRPC server's buffer pool holds.
   */
  record JournalAndBuffers(
      double forces, double forceSeconds, double pendingBytes, double directBytes) {
    static final JournalAndBuffers UNKNOWN =
        new JournalAndBuffers(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /** The journal's series and the buffer pool's, from a filtered scrape of a few dozen lines. */
  JournalAndBuffers journalAndBuffers() throws IOException, InterruptedException {
    String page = filteredPage(journalAndBufferSeries, Duration.ofSeconds(5));
    return new JournalAndBuffers(
        sum(page, "guestbench_collector_journal_fsync_seconds_count", List.of()),
        sum(page, "guestbench_collector_journal_fsync_seconds_sum", List.of()),
        sum(page, "guestbench_collector_journal_pending_bytes", List.of()),
        sum(page, "guestbench_collector_grpc_buffer_bytes", List.of("memory=\"direct\"")));
  }

  /**
   * Reads the whole of /metrics as Prometheus asks for it, gzip-compressed, counting its bytes but
   * neither inflating nor parsing them: the collector's work is what is measured, and this
   * generator shares its cores (inflating and reading 42 MiB of text for 1,000 agents every 10 s
   * cost more CPU than the collector spent writing it). The collector's own series come from a
   * second, filtered scrape ({@code name[]}), a few dozen lines.
   */
  Scrape scrape() throws IOException, InterruptedException {
    HttpResponse<InputStream> r =
        http.send(
            HttpRequest.newBuilder(metrics)
                .header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long bytes = 0;
    try (InputStream body = r.body()) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = body.read(buffer)) >= 0; ) {
        bytes += n;
      }
    }
    if (r.statusCode() != 200) {
      throw new IOException(metrics + " answered " + r.statusCode());
    }
    return new Scrape(filteredPage(ownSeries, Duration.ofSeconds(60)), bytes);
  }

  private String filteredPage(URI uri, Duration timeout) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri).timeout(timeout).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(uri + " answered " + r.statusCode());
    }
    return r.body();
  }

  /**
   * The sum of the samples of {@code name} whose labels contain every one of {@code labels} (each
   * written {@code key="value"}), in a Prometheus text page; NaN when there are none.
   */
  static double sum(String page, String name, List<String> labels) {
    double total = 0;
    boolean found = false;
    for (String line : page.lines().toList()) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String key = line.substring(0, space).trim();
      boolean same = key.equals(name) || key.startsWith(name + "{");
      if (same && labels.stream().allMatch(key::contains)) {
        total += Double.parseDouble(line.substring(space + 1));
        found = true;
      }
    }
    return found ? total : Double.NaN;
  }
}
