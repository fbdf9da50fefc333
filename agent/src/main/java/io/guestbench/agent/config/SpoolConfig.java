package io.guestbench.agent.config;

import io.guestbench.agent.ship.spool.SpoolSettings;
import io.guestbench.common.config.ConfigNode;
import io.guestbench.common.text.Durations;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code spool} section: where {@code run} keeps batches until the collector has stored them.
 * On by default, under {@link SpoolSettings#DEFAULT_DIR}; {@code enabled: false} keeps them in
 * memory only (bounded by {@code buffer.max_bytes}), which a restart loses.
 */
final class SpoolConfig {
  private SpoolConfig() {}

  static Optional<SpoolSettings> read(ConfigNode node, long memoryBytes) {
    boolean enabled = node.bool("enabled", true);
    String dirText = node.string("dir", SpoolSettings.DEFAULT_DIR.toString());
    long maxBytes = node.bytes("max_bytes", SpoolSettings.DEFAULT_MAX_BYTES, 1L << 20, 1L << 40);
    Duration maxAge =
        node.duration(
            "max_age", SpoolSettings.DEFAULT_MAX_AGE, Duration.ofMinutes(1), Duration.ofDays(365));
    Duration fsync = fsync(node);
    Path dir = absolute(dirText).orElse(SpoolSettings.DEFAULT_DIR);
    if (absolute(dirText).isEmpty()) {
      node.problems().add(node.path("dir"), dirText, "an absolute directory path");
    }
    node.finish();
    if (!enabled) {
      return Optional.empty();
    }
    return Optional.of(
        new SpoolSettings(
            dir, maxBytes, maxAge, fsync, SpoolSettings.segmentBytesFor(maxBytes), memoryBytes));
  }

  private static Optional<Path> absolute(String text) {
    try {
      Path p = Path.of(text);
      return p.isAbsolute() ? Optional.of(p) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** {@code always} (fsync every append, the default) or the longest time between fsyncs. */
  private static Duration fsync(ConfigNode node) {
    String text = node.string("fsync", "always");
    if (text.equals("always")) {
      return Duration.ZERO;
    }
    try {
      Duration d = Durations.parse(text);
      if (d.compareTo(Duration.ofMillis(10)) >= 0 && d.compareTo(Duration.ofMinutes(1)) <= 0) {
        return d;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // reported below with what is expected
    }
    node.problems().add(node.path("fsync"), text, "always, or a duration from 10ms to 1m");
    return Duration.ZERO;
  }
}
