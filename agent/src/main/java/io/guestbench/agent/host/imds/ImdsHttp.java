package io.guestbench.agent.host.imds;

import io.guestbench.common.text.Durations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** HTTP exchanges with IMDS, each bounded in time, answering with a status or a reason. */
final class ImdsHttp implements AutoCloseable {
  static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
  static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
  private static final long MAX_BODY_BYTES = 4096;

  /** The outcome of one exchange. */
  sealed interface Reply permits Answered, Failed {}

  /** The service answered; the body is whatever it sent, at most 4 KiB. */
  record Answered(int status, String body) implements Reply {}

  /** No usable answer: refused, timed out, cut off or too long. */
  record Failed(String reason) implements Reply {}

  private final HttpClient client;
  private final String base;

  ImdsHttp(ImdsSettings settings) {
    this.base = settings.endpoint().toString();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            // A proxy from the environment must never see (or answer for) link-local metadata.
            .proxy(HttpClient.Builder.NO_PROXY)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  Reply putToken(Duration ttl, Duration wait) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/latest/api/token"))
            .PUT(HttpRequest.BodyPublishers.noBody())
            .header(TTL_HEADER, Long.toString(ttl.toSeconds()));
    return exchange(request, wait);
  }

  Reply get(String path, String token, Duration wait) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/latest/meta-data/" + path))
            .GET()
            .header(TOKEN_HEADER, token);
    return exchange(request, wait);
  }

  private Reply exchange(HttpRequest.Builder builder, Duration wait) {
    HttpRequest request = builder.timeout(wait).build();
    CompletableFuture<HttpResponse<String>> pending =
        client.sendAsync(request, BodyHandlers.limiting(BodyHandlers.ofString(), MAX_BODY_BYTES));
    try {
      HttpResponse<String> response = pending.get(wait.toNanos(), TimeUnit.NANOSECONDS);
      return new Answered(response.statusCode(), response.body());
    } catch (TimeoutException e) {
      pending.cancel(true);
      return new Failed("no answer within " + Durations.format(wait));
    } catch (ExecutionException e) {
      return new Failed(describe(e.getCause(), wait));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return new Failed("interrupted");
    }
  }

  private static String describe(Throwable cause, Duration wait) {
    return switch (cause) {
      case HttpConnectTimeoutException e -> "connect timed out";
      case HttpTimeoutException e -> "no answer within " + Durations.format(wait);
      case ConnectException e when e.getMessage() == null || e.getMessage().contains("refused") ->
          "connection refused";
      case IOException e when String.valueOf(e.getMessage()).contains("exceeds capacity") ->
          "answer longer than " + MAX_BODY_BYTES + " bytes";
      case null -> "failed";
      default -> oneLine(cause);
    };
  }

  private static String oneLine(Throwable t) {
    String message = t.getMessage() == null ? "" : ": " + t.getMessage();
    String line = (t.getClass().getSimpleName() + message).replaceAll("[^\\x20-\\x7e]", " ");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  @Override
  public void close() {
    // shutdownNow, not close: close would wait for a stalled request to finish.
    client.shutdownNow();
  }
}
