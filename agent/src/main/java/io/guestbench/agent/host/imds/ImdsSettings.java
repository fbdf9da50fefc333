package io.guestbench.agent.host.imds;

import io.guestbench.common.text.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how patiently to ask the EC2 instance metadata service; {@code enabled = false} (from
 * {@code --no-imds}) skips it entirely.
 */
public record ImdsSettings(
    URI endpoint,
    Duration tokenTtl,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration totalDeadline,
    boolean enabled) {

  /** The link-local address IMDS answers on inside EC2. */
  public static final URI DEFAULT_ENDPOINT = URI.create("http://169.254.169.254");

  /** IMDSv2 accepts token lifetimes of 1 s to 6 h. */
  static final Duration MAX_TOKEN_TTL = Duration.ofHours(6);

  public ImdsSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    check("token TTL", tokenTtl, Duration.ofSeconds(1), MAX_TOKEN_TTL);
    if (tokenTtl.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException("token TTL " + tokenTtl + " (expected: whole seconds)");
    }
    check("connect timeout", connectTimeout, Duration.ofMillis(1), Duration.ofSeconds(30));
    check("request timeout", requestTimeout, Duration.ofMillis(1), Duration.ofSeconds(30));
    check("total deadline", totalDeadline, Duration.ofMillis(1), Duration.ofSeconds(60));
  }

  /** The production settings: 6 h tokens, 1 s connect, 2 s per request, 3 s for everything. */
  public static ImdsSettings defaults() {
    return new ImdsSettings(
        DEFAULT_ENDPOINT,
        MAX_TOKEN_TTL,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(3),
        true);
  }

  /** The defaults with the lookup switched off, for {@code --no-imds}. */
  public static ImdsSettings disabled() {
    return defaults().withEnabled(false);
  }

  public ImdsSettings withEndpoint(URI newEndpoint) {
    return new ImdsSettings(
        newEndpoint, tokenTtl, connectTimeout, requestTimeout, totalDeadline, enabled);
  }

  public ImdsSettings withEnabled(boolean on) {
    return new ImdsSettings(endpoint, tokenTtl, connectTimeout, requestTimeout, totalDeadline, on);
  }

  /**
   * The endpoint from {@code --imds-endpoint URL}: an absolute http or https URL with a host and no
   * query or fragment; otherwise an {@link IllegalArgumentException} with a one-line message.
   */
  public static URI parseEndpoint(String text) {
    String problem = "--imds-endpoint: '" + shown(text) + "' (expected: an http or https URL)";
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(problem);
    }
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(problem);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean ok =
        (scheme.equals("http") || scheme.equals("https"))
            && uri.getHost() != null
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && uri.getRawUserInfo() == null;
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path.replaceAll("/+$", ""));
  }

  private static String shown(String text) {
    String s = text == null ? "" : text.replaceAll("[^\\x20-\\x7e]", "?");
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }

  private static void check(String name, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name
              + " "
              + Durations.format(value)
              + " (expected: "
              + Durations.format(min)
              + ".."
              + Durations.format(max)
              + ")");
    }
  }
}
