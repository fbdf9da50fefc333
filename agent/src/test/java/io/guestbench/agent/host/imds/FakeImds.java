package io.guestbench.agent.host.imds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.guestbench.common.time.Clock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An IMDSv2 look-alike on 127.0.0.1: tokens from PUT only, every GET needs a live token, tokens
 * expire on the given clock, and paths can be made to fail, stall or answer garbage.
 */
public final class FakeImds implements AutoCloseable {
  static final String PREFIX = "/latest/meta-data/";

  /** One request as the server saw it. */
  public record Seen(String method, String path, String ttlHeader, String tokenHeader) {}

  public final Map<String, String> values = new ConcurrentHashMap<>();
  final Map<String, Integer> failing = new ConcurrentHashMap<>();
  final Set<String> stalled = ConcurrentHashMap.newKeySet();
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  volatile int putStatus = 200;
  volatile boolean stallToken;
  volatile Duration maxTtl = ImdsSettings.MAX_TOKEN_TTL;

  /** After this many accepted GETs every token is forgotten, as after an IMDS restart. */
  final AtomicInteger forgetTokensAfter = new AtomicInteger(-1);

  private final Clock clock;
  private final Map<String, Long> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final HttpServer server;

  public FakeImds(Clock clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(workers);
    server.createContext("/", this::handle);
    server.start();
    values.putAll(
        Map.of(
            "instance-type", "m5.large",
            "instance-id", "i-0123456789abcdef0",
            "ami-id", "ami-0abcdef1234567890",
            "placement/availability-zone", "eu-west-1a",
            "placement/region", "eu-west-1"));
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Seen> seen(String method) {
    return seen.stream().filter(s -> s.method().equals(method)).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String ttl = ex.getRequestHeaders().getFirst(ImdsHttp.TTL_HEADER);
    String token = ex.getRequestHeaders().getFirst(ImdsHttp.TOKEN_HEADER);
    seen.add(new Seen(ex.getRequestMethod(), path, ttl, token));
    try (ex) {
      if (path.equals("/latest/api/token")) {
        issueToken(ex, ttl);
      } else if (!ex.getRequestMethod().equals("GET") || !path.startsWith(PREFIX)) {
        reply(ex, 405, "");
      } else if (!live(token)) {
        reply(ex, 401, "");
      } else {
        answer(ex, path.substring(PREFIX.length()));
      }
    }
  }

  private void issueToken(HttpExchange ex, String ttl) throws IOException {
    if (stallToken) {
      awaitRelease();
    }
    if (!ex.getRequestMethod().equals("PUT") || putStatus != 200) {
      reply(ex, ex.getRequestMethod().equals("PUT") ? putStatus : 405, "");
      return;
    }
    long seconds = ttl == null || !ttl.matches("\\d{1,5}") ? 0 : Long.parseLong(ttl);
    if (seconds < 1 || seconds > 21600) {
      reply(ex, 400, "");
      return;
    }
    String token = "AQAEA-token-" + issued.incrementAndGet();
    long lifetime = Math.min(Duration.ofSeconds(seconds).toNanos(), maxTtl.toNanos());
    tokens.put(token, clock.monotonicNanos() + lifetime);
    ex.getResponseHeaders().add(ImdsHttp.TTL_HEADER, ttl);
    reply(ex, 200, token);
  }

  private boolean live(String token) {
    Long expires = token == null ? null : tokens.get(token);
    return expires != null && clock.monotonicNanos() - expires < 0;
  }

  private void answer(HttpExchange ex, String item) throws IOException {
    if (forgetTokensAfter.getAndDecrement() == 0) {
      tokens.clear();
      reply(ex, 401, "");
      return;
    }
    if (stalled.contains(item)) {
      awaitRelease();
    }
    Integer status = failing.get(item);
    String value = values.get(item);
    if (status != null) {
      reply(ex, status, "boom");
    } else {
      reply(ex, value == null ? 404 : 200, value == null ? "" : value);
    }
  }

  private void awaitRelease() {
    try {
      release.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    workers.shutdownNow();
  }
}
