package io.guestbench.agent.config;

import io.guestbench.agent.probe.net.peer.PeerSettings;
import io.guestbench.agent.probe.net.wire.PeerSecret;
import io.guestbench.common.config.ConfigNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code net} section: whether {@code run} also serves network tests to other agents, and
 * within which limits. The secret file is read here, so a bad one fails the config at once.
 */
final class PeerConfig {
  private PeerConfig() {}

  /** The peer's settings when {@code net.serve} is true; problems go to the node's list. */
  static Optional<PeerSettings> read(ConfigNode node) {
    PeerSettings d = PeerSettings.defaults();
    boolean serve = node.bool("serve", false);
    String bind = node.string("bind", d.bind());
    int port = (int) node.integer("port", d.port(), 1, 65535);
    Optional<PeerSecret> secret = secret(node);
    int tests = (int) node.integer("max_concurrent_tests", d.maxConcurrentTests(), 1, 64);
    Duration max =
        node.duration("max_duration", d.maxDuration(), Duration.ofSeconds(1), Duration.ofHours(1));
    long bytes = node.bytes("max_message_bytes", d.maxMessageBytes(), 64 << 10, 16 << 20);
    if (bind.isBlank()) {
      node.problems().add(node.path("bind"), bind, "an address to listen on, e.g. 0.0.0.0");
    }
    node.finish();
    return serve
        ? Optional.of(new PeerSettings(bind, port, secret, tests, max, (int) bytes))
        : Optional.empty();
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
