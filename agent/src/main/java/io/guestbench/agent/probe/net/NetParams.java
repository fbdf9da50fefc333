package io.guestbench.agent.probe.net;

import io.guestbench.agent.config.HostPort;
import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.net.wire.PeerSecret;
import io.guestbench.common.text.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters every network test shares.
 *
 * @param peer the peer agent's {@code host:port}
 * @param secretFile the shared secret's file, when the peer requires one
 * @param warmup unmeasured time at the start
 * @param duration measured time
 */
public record NetParams(
    HostPort peer, Optional<Path> secretFile, Duration warmup, Duration duration) {
  public static final String PEER = "peer";
  public static final String SECRET_FILE = "secret_file";
  public static final String WARMUP = "warmup";
  public static final String DURATION = "duration";

  static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);
  static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
  static final Duration MAX_WARMUP = Duration.ofMinutes(5);
  static final Duration MAX_DURATION = Duration.ofHours(1);
  private static final int MAX_PATH = 4096;

  /** What a missing or bad peer reads as; the reader holds the problem. */
  private static final HostPort UNSET = new HostPort("127.0.0.1", 7071);

  public NetParams {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(secretFile, "secretFile");
    Objects.requireNonNull(warmup, "warmup");
    Objects.requireNonNull(duration, "duration");
  }

  /**
   * Reads the shared parameters, leaving problems in {@code reader}; bad values read as defaults.
   */
  static NetParams read(ParamReader reader) {
    String peer =
        reader.requiredText(PEER, NetParams::isHostPort, "host:port of a guestbench peer");
    String secret =
        reader.text(
            SECRET_FILE, null, p -> !p.isBlank() && p.length() <= MAX_PATH, "a file's path");
    Duration warmup = reader.duration(WARMUP, DEFAULT_WARMUP, Duration.ZERO, MAX_WARMUP);
    Duration duration =
        reader.duration(DURATION, DEFAULT_DURATION, Duration.ofSeconds(1), MAX_DURATION);
    return new NetParams(
        peer == null ? UNSET : HostPort.parse(peer),
        Optional.ofNullable(secret).map(Path::of),
        warmup,
        duration);
  }

  /** The secret, loaded; or a problem line when its file cannot be used. */
  PeerSecret.Loaded loadSecret() {
    return secretFile.map(PeerSecret::load).orElse(null);
  }

  /** The parameters as a result carries them; the secret's path stays out. */
  Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(
        PEER,
        (peer.host().contains(":") ? "[" + peer.host() + "]" : peer.host()) + ":" + peer.port());
    map.put(WARMUP, Durations.format(warmup));
    map.put(DURATION, Durations.format(duration));
    return map;
  }

  private static boolean isHostPort(String text) {
    try {
      HostPort.parse(text);
      return text.length() <= 255;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
