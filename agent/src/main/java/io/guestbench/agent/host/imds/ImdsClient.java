package io.guestbench.agent.host.imds;

import com.google.inject.Inject;
import io.guestbench.common.time.Clock;

/**
 * Asks the EC2 instance metadata service (IMDSv2) what instance this is, within a total deadline,
 * and never throws: off EC2 the answer is no facts and a note saying why.
 */
public final class ImdsClient {
  private final ImdsSettings settings;
  private final Clock clock;
  private final TokenCache tokens;

  @Inject
  public ImdsClient(ImdsSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.tokens = new TokenCache(clock, settings.tokenTtl());
  }

  /**
   * Instance type, AMI, instance id, zone, region and kernel id, with notes for whatever could not
   * be read; returns within about the total deadline.
   */
  public synchronized ImdsFacts lookup() {
    if (!settings.enabled()) {
      return ImdsFacts.none("IMDS lookup disabled (--no-imds)");
    }
    try (ImdsHttp http = new ImdsHttp(settings)) {
      return new ImdsLookup(settings, http, tokens, clock).run();
    } catch (RuntimeException e) {
      // Defensive: a JDK HTTP client surprise must not break agent start-up.
      return ImdsFacts.none("IMDS lookup failed: unexpected " + e.getClass().getSimpleName());
    }
  }
}
