package io.guestbench.collector.schedule;

import java.util.regex.Pattern;

/** Checks the peer address an agent advertises before the collector hands it to other agents. */
final class PeerAddresses {
  static final int MAX_LENGTH = 255; // what the net probes accept as a peer
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._%-]+|\\[[0-9A-Fa-f:.%]+\\]");

  private PeerAddresses() {}

  /** Whether {@code text} is host:port with a plain host name, IPv4 or bracketed IPv6 address. */
  static boolean valid(String text) {
    int colon = text.lastIndexOf(':');
    if (text.length() > MAX_LENGTH || colon <= 0) {
      return false;
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      return port >= 1 && port <= 65535 && HOST.matcher(text.substring(0, colon)).matches();
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
