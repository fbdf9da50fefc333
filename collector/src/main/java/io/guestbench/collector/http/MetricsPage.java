package io.guestbench.collector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.guestbench.collector.metrics.ResultMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /metrics}. A plain scrape in the Prometheus text format or OpenMetrics 1.0 (what
 * Prometheus asks for unless native histograms are on) gets the per-agent series from {@link
 * ResultMetrics#writeText}, which writes the lines the client library would write without building
 * a snapshot per series, and the collector's own and JVM series from the client's writer; gzip, if
 * asked for, at the fastest level; on a platform thread that steps aside while the cores are busy
 * ({@link YieldingOutput}). Everything else (protobuf, OpenMetrics 2, {@code debug}, {@code name[]}
 * filters, an {@code escaping} in the Accept header, HEAD) goes to the client's own handler,
 * unchanged.
 */
final class MetricsPage implements HttpHandler {
  private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

  private final PrometheusRegistry registry;
  private final ResultMetrics agents;
  private final Set<String> agentFamilies;
  private final HttpHandler library;
  private final ExecutorService pageThread;
  private final Counter paused;
  private final ExpositionFormats formats = ExpositionFormats.init();

  MetricsPage(PrometheusRegistry registry, ResultMetrics agents, ExecutorService pageThread) {
    this.registry = registry;
    this.pageThread = pageThread;
    this.paused =
        Counter.builder()
            .name("guestbench_collector_metrics_page_paused_seconds")
            .help(
                "Time /metrics pages spent paused, stepping aside for ingest while the cores were"
                    + " busy.")
            .unit(Unit.SECONDS)
            .register(registry);
    this.agents = agents;
    this.agentFamilies = agents.prometheusNames();
    this.library = new MetricsHandler(registry);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    ExpositionFormatWriter writer = formats.findWriter(accept);
    boolean openMetrics = writer.getClass() == OpenMetricsTextFormatWriter.class;
    boolean plainText = writer.getClass() == PrometheusTextFormatWriter.class;
    if (!"GET".equals(exchange.getRequestMethod())
        || exchange.getRequestURI().getRawQuery() != null
        || (accept != null && accept.contains("escaping="))
        || !(openMetrics || plainText)) {
      library.handle(exchange);
      return;
    }
    try (exchange) {
      // The collector's own series first, from the library; a few hundred lines.
      ByteArrayOutputStream own = new ByteArrayOutputStream(64 * 1024);
      writer.write(own, registry.scrape(name -> !agentFamilies.contains(name)));
      byte[] head = own.toByteArray();
      int headLength = head.length;
      if (openMetrics && endsWith(head, EOF)) {
        headLength -= EOF.length;
      }
      boolean gzip = acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
      exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
      if (gzip) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      exchange.sendResponseHeaders(200, 0);
      OutputStream raw = exchange.getResponseBody();
      int length = headLength;
      onPageThread(
          () -> {
            YieldingOutput body =
                new YieldingOutput(gzip ? new FastGzip(raw) : raw, YieldingOutput.REAL);
            try (body) {
              body.write(head, 0, length);
              agents.writeText(body, openMetrics);
              if (openMetrics) {
                body.write(EOF);
              }
            } finally {
              paused.inc(body.pausedNanos() / 1e9);
            }
            return null;
          });
    }
  }

  /**
   * Runs {@code write} on a page thread, a platform thread whose CPU time {@link YieldingOutput}
   * can read (a virtual thread's it cannot).
   */
  private void onPageThread(Callable<Void> write) throws IOException {
    try {
      pageThread.submit(write).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("writing /metrics failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing /metrics");
    } catch (RejectedExecutionException e) {
      throw new IOException("the HTTP server is stopping", e);
    }
  }

  private static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      if (coding.trim().split(";")[0].trim().equalsIgnoreCase("gzip")) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWith(byte[] bytes, byte[] suffix) {
    if (bytes.length < suffix.length) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (bytes[bytes.length - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Gzip at the fastest level: tens of megabytes of text shrink ~30-fold even so. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
