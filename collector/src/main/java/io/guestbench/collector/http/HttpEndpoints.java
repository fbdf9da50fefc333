package io.guestbench.collector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.common.lifecycle.Service;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The collector's HTTP side: {@code /metrics} (text, OpenMetrics or protobuf by content
 * negotiation), {@code /healthz} (the process lives) and {@code /readyz} (it accepts agents), plus
 * the pages it is given (the comparison).
 */
public final class HttpEndpoints implements Service {
  private final InetSocketAddress address;
  private final PrometheusRegistry registry;
  private final ResultMetrics agents;
  private final BooleanSupplier ready;
  private final Map<String, HttpHandler> pages;
  private HttpServer server;
  private ExecutorService executor;
  private ExecutorService pageThread;

  public HttpEndpoints(
      InetSocketAddress address,
      PrometheusRegistry registry,
      ResultMetrics agents,
      BooleanSupplier ready,
      Map<String, HttpHandler> pages) {
    this.address = address;
    this.registry = registry;
    this.agents = agents;
    this.ready = ready;
    this.pages = Map.copyOf(pages);
  }

  @Override
  public String name() {
    return "HTTP server on " + address;
  }

  @Override
  public void start() throws IOException {
    server = HttpServer.create(address, 64);
    executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    // A platform thread per page, as the server gives each exchange a virtual thread: a client
    // that stops reading holds up only its own page.
    pageThread =
        Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("metrics-page-", 0).daemon().factory());
    server.createContext("/metrics", new MetricsPage(registry, agents, pageThread));
    server.createContext("/healthz", exchange -> answer(exchange, true, "ok\n"));
    server.createContext(
        "/readyz",
        exchange -> {
          boolean ok = ready.getAsBoolean();
          answer(exchange, ok, ok ? "ready\n" : "not ready\n");
        });
    pages.forEach(server::createContext);
    server.createContext("/", exchange -> answer(exchange, 404, "not found; try /metrics\n"));
    server.start();
  }

  /** The bound port (the real one when 0 was asked for). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void stop(Duration grace) {
    server.stop((int) Math.min(grace.toSeconds(), 5));
    executor.shutdownNow();
    pageThread.shutdownNow();
  }

  private static void answer(HttpExchange exchange, boolean ok, String body) throws IOException {
    answer(exchange, ok ? 200 : 503, body);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
