package io.guestbench.e2e;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair: two hosts on one machine. Names carry a random
 * prefix and the /30 a random third octet of 10.254.0.0/16, so parallel runs do not collide;
 * traffic never leaves the pair. Needs root; {@link #close} deletes everything it made.
 */
final class NetNamespaces implements AutoCloseable {
  final String client;
  final String peer;
  final String clientLink;
  final String peerLink;
  final String clientAddress;
  final String peerAddress;
  private final List<String> made = new ArrayList<>();

  private NetNamespaces(String prefix, int octet) {
    client = prefix + "a";
    peer = prefix + "b";
    clientLink = prefix + "va";
    peerLink = prefix + "vb";
    clientAddress = "10.254." + octet + ".1";
    peerAddress = "10.254." + octet + ".2";
  }

  static NetNamespaces create() throws Exception {
    SecureRandom random = new SecureRandom();
    NetNamespaces n =
        new NetNamespaces(
            "gbn" + Integer.toHexString(0x1000 + random.nextInt(0xefff)), random.nextInt(256));
    try {
      n.setUp();
      return n;
    } catch (Exception | AssertionError e) {
      n.close();
      throw e;
    }
  }

  private void setUp() throws Exception {
    for (String ns : List.of(client, peer)) {
      run("ip", "netns", "add", ns);
      made.add(ns);
      run("ip", "-n", ns, "link", "set", "lo", "up");
    }
    run(
        "ip",
        "link",
        "add",
        clientLink,
        "netns",
        client,
        "type",
        "veth",
        "peer",
        "name",
        peerLink,
        "netns",
        peer);
    run("ip", "-n", client, "addr", "add", clientAddress + "/30", "dev", clientLink);
    run("ip", "-n", peer, "addr", "add", peerAddress + "/30", "dev", peerLink);
    run("ip", "-n", client, "link", "set", clientLink, "up");
    run("ip", "-n", peer, "link", "set", peerLink, "up");
  }

  /**
   * Limits both directions with a token bucket: {@code tc ... tbf rate RATE burst 32kbit latency
   * 50ms}.
   */
  void shape(String rate) throws Exception {
    run(
        "ip",
        "netns",
        "exec",
        client,
        "tc",
        "qdisc",
        "add",
        "dev",
        clientLink,
        "root",
        "tbf",
        "rate",
        rate,
        "burst",
        "32kbit",
        "latency",
        "50ms");
    run(
        "ip", "netns", "exec", peer, "tc", "qdisc", "add", "dev", peerLink, "root", "tbf", "rate",
        rate, "burst", "32kbit", "latency", "50ms");
  }

  /** Cuts the wire without closing anything: packets just stop. */
  void cut() throws Exception {
    run("ip", "-n", peer, "link", "set", peerLink, "down");
  }

  /** A command run inside the namespace. */
  static List<String> in(String ns, List<String> command) {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    all.addAll(command);
    return all;
  }

  @Override
  public void close() throws Exception {
    // Deleting a namespace deletes its end of the veth pair, and with it the other end.
    for (String ns : made) {
      run("ip", "netns", "del", ns);
    }
    made.clear();
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + ": no answer in 10 s");
    }
    String output = new String(p.getInputStream().readAllBytes());
    if (p.exitValue() != 0) {
      throw new AssertionError(
          String.join(" ", command) + ": exit " + p.exitValue() + ": " + output);
    }
  }
}
