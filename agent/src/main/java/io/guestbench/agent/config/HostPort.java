package io.guestbench.agent.config;

/** A parsed {@code host:port}; IPv6 literals in brackets. */
public record HostPort(String host, int port) {

  /** Parses {@code text} or throws {@link IllegalArgumentException} saying what is expected. */
  public static HostPort parse(String text) {
    String t = text == null ? "" : text.trim();
    int colon = t.lastIndexOf(':');
    String host = colon > 0 ? t.substring(0, colon) : "";
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(t.substring(colon + 1));
      if (!host.isEmpty() && port >= 1 && port <= 65535) {
        return new HostPort(host, port);
      }
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not host:port (expected: e.g. 10.0.0.5:7070)");
  }
}
