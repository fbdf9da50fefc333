package io.guestbench.collector.cli;

import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.collector.config.CollectorConfigLoader;
import io.guestbench.common.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the commands that read a config. */
public final class ConfigOption {
  @Option(names = "--config", paramLabel = "FILE", description = "Collector YAML config.")
  Path file;

  @Option(
      names = "--plaintext",
      description = "Accept unencrypted agent streams (instead of server.tls in the config).")
  boolean plaintext;

  CollectorConfig load() throws ConfigException {
    CollectorConfigLoader named = new CollectorConfigLoader(hostName());
    CollectorConfigLoader loader = plaintext ? named.plaintextChosen() : named;
    return file == null ? loader.defaults() : loader.load(file);
  }

  private static String hostName() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      return name.matches("[A-Za-z0-9._-]{1,64}") ? name : "collector";
    } catch (IOException e) {
      return "collector";
    }
  }
}
