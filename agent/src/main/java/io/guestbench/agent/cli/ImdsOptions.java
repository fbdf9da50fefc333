package io.guestbench.agent.cli;

import io.guestbench.agent.host.imds.ImdsSettings;
import picocli.CommandLine.Option;

/** {@code --imds-endpoint URL} and {@code --no-imds}, shared by the commands that read facts. */
public final class ImdsOptions {
  @Option(
      names = "--imds-endpoint",
      paramLabel = "URL",
      description = "EC2 instance metadata endpoint (default http://169.254.169.254).")
  String endpoint;

  @Option(names = "--no-imds", description = "Do not ask the EC2 instance metadata service.")
  boolean disabled;

  /** {@code base} with the command line's choices applied; a bad URL is a one-line error. */
  ImdsSettings apply(ImdsSettings base) {
    ImdsSettings settings = base;
    if (endpoint != null) {
      settings = settings.withEndpoint(ImdsSettings.parseEndpoint(endpoint)).withEnabled(true);
    }
    return disabled ? settings.withEnabled(false) : settings;
  }
}
