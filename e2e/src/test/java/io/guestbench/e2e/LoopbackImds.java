package io.guestbench.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A minimal IMDSv2 on loopback: a token for a PUT, metadata only for GETs that carry it. */
final class LoopbackImds implements AutoCloseable {
  private static final String TOKEN = "e2e-token";
  private final HttpServer server;
  private final Map<String, String> metadata;

  LoopbackImds(Map<String, String> metadata) throws IOException {
    this.metadata = Map.copyOf(metadata);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/latest/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (ex.getRequestMethod().equals("PUT") && path.equals("/latest/api/token")) {
      reply(ex, 200, TOKEN);
    } else if (!TOKEN.equals(ex.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
      reply(ex, 401, "");
    } else {
      String value = metadata.get(path.substring("/latest/meta-data/".length()));
      reply(ex, value == null ? 404 : 200, value == null ? "" : value);
    }
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
