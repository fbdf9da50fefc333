package io.guestbench.agent.config;

import io.guestbench.agent.probe.net.peer.PeerSettings;
import io.guestbench.agent.probe.net.wire.PeerSecret;
import io.guestbench.common.config.ConfigNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code net} section: whether {@code run} also serves network tests to other agents, within
 * which limits, and which host it tells the collector to send them to. The secret file is read
 * here, so a bad one fails the config at once.
 */
final class PeerConfig {
  /** A host name or an IP literal (IPv6 without brackets); the port comes from the bound socket. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]{1,253}");

  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

  private PeerConfig() {}

  /**
   * What the section says.
   *
   * @param peer the peer's settings when {@code net.serve} is true
   * @param advertise the host other agents reach the peer at, when known
   */
  record Net(Optional<PeerSettings> peer, Optional<String> advertise) {}

  /** The peer's settings when {@code net.serve} is true; problems go to the node's list. */
  static Net read(ConfigNode node) {
    PeerSettings d = PeerSettings.defaults();
    boolean serve = node.bool("serve", false);
    String bind = node.string("bind", d.bind());
    int port = (int) node.integer("port", d.port(), 0, 65535);
    Optional<PeerSecret> secret = secret(node);
    int tests = (int) node.integer("max_concurrent_tests", d.maxConcurrentTests(), 1, 64);
    Duration max =
        node.duration("max_duration", d.maxDuration(), Duration.ofSeconds(1), Duration.ofHours(1));
    long bytes = node.bytes("max_message_bytes", d.maxMessageBytes(), 64 << 10, 16 << 20);
    if (bind.isBlank()) {
      node.problems().add(node.path("bind"), bind, "an address to listen on, e.g. 0.0.0.0");
    }
    Optional<String> advertise = advertise(node, serve, bind);
    node.finish();
    return serve
        ? new Net(
            Optional.of(new PeerSettings(bind, port, secret, tests, max, (int) bytes)), advertise)
        : new Net(Optional.empty(), Optional.empty());
  }

  /**
   * {@code net.advertise}, else the bind address when it names one interface. A wildcard bind says
   * nothing about how other machines reach this one, so then nothing is advertised.
   */
  private static Optional<String> advertise(ConfigNode node, boolean serve, String bind) {
    String text = node.string("advertise", null);
    if (text == null) {
      return WILDCARDS.contains(bind) || bind.isBlank() ? Optional.empty() : Optional.of(bind);
    }
    if (!serve) {
      node.problems().add(node.path("advertise"), text, "only together with net.serve: true");
    } else if (!HOST.matcher(text).matches() || WILDCARDS.contains(text)) {
      node.problems()
          .add(node.path("advertise"), text, "a host name or IP address other agents reach");
    }
    return Optional.of(text);
  }

  private static Optional<PeerSecret> secret(ConfigNode node) {
    String file = node.string("secret_file", null);
    if (file == null) {
      return Optional.empty();
    }
    return switch (PeerSecret.load(Path.of(file))) {
      case PeerSecret.Found f -> Optional.of(f.secret());
      case PeerSecret.Problem p -> {
        node.problems().add(p.line(node.path("secret_file"), Path.of(file)));
        yield Optional.empty();
      }
    };
  }
}
