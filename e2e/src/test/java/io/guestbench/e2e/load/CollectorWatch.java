package io.guestbench.e2e.load;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The collector process seen from outside: /proc/PID and its /metrics page. */
final class CollectorWatch {
  private final long pid;
  private final URI metrics;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  CollectorWatch(long pid, int httpPort) {
    this.pid = pid;
    this.metrics = URI.create("http://127.0.0.1:" + httpPort + "/metrics");
  }

  /** utime + stime of {@code pid} in clock ticks, from /proc/PID/stat. */
  static long cpuTicks(String pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", pid, "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of proc(5)
  }

  long cpuTicks() throws IOException {
    return cpuTicks(Long.toString(pid));
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

  /** What the load report reads of one /metrics page, and the page's size. */
  record Scrape(String kept, long chars) {}

  /**
   * Reads /metrics as Prometheus asks for it, gzip-compressed, and keeps only the collector's own
   * series ({@code jvm_*}, {@code guestbench_collector_*}) line by line: the page carries every
   * agent's series too (42 MiB of text for 1,000 agents, 1.4 MiB compressed), and holding it as one
   * string every 10 s made this generator, which shares the collector's cores, collect hundreds of
   * MiB of garbage per scrape. The page's size is counted uncompressed.
   */
  Scrape scrape() throws IOException, InterruptedException {
    HttpResponse<InputStream> r =
        http.send(
            HttpRequest.newBuilder(metrics)
                .header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    boolean gzip =
        r.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
    try (InputStream body = gzip ? new GZIPInputStream(r.body(), 64 * 1024) : r.body();
        BufferedReader page = new BufferedReader(new InputStreamReader(body, UTF_8), 64 * 1024)) {
      if (r.statusCode() != 200) {
        throw new IOException(metrics + " answered " + r.statusCode());
      }
      return keep(page.lines());
    }
  }

  static Scrape keep(Stream<String> lines) {
    long[] chars = {0};
    StringBuilder kept = new StringBuilder();
    lines.forEach(
        line -> {
          chars[0] += line.length() + 1;
          if (line.startsWith("jvm_") || line.startsWith("guestbench_collector_")) {
            kept.append(line).append('\n');
          }
        });
    return new Scrape(kept.toString(), chars[0]);
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
