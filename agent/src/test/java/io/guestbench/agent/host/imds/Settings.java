package io.guestbench.agent.host.imds;

import java.net.URI;
import java.time.Duration;

/** Settings for tests against {@link FakeImds}: never the real endpoint, never long waits. */
final class Settings {
  private Settings() {}

  /** Production timeouts; with a manual clock only a stalled request would ever use them. */
  static ImdsSettings patient(URI endpoint) {
    return ImdsSettings.defaults().withEndpoint(endpoint);
  }

  static ImdsSettings timed(URI endpoint, Duration request, Duration deadline) {
    return new ImdsSettings(
        endpoint, ImdsSettings.MAX_TOKEN_TTL, Duration.ofMillis(200), request, deadline, true);
  }
}
