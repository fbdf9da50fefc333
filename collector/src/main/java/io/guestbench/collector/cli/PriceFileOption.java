package io.guestbench.collector.cli;

import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.collector.config.CollectorConfigLoader;
import io.guestbench.collector.config.JournalConfig;
import io.guestbench.collector.cost.PriceFile;
import io.guestbench.common.config.ConfigException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which price file the {@code prices} commands use: {@code --file}, the config's, or the default.
 */
public final class PriceFileOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Collector YAML config whose prices.file to use.")
  Path config;

  @Option(
      names = {"--file", "--out"},
      paramLabel = "PATH",
      description =
          "The price file (overrides --config; default prices.json beside the journal's"
              + " directory, /var/lib/guestbench/prices.json).")
  Path file;

  PriceFile priceFile() throws ConfigException {
    if (file != null) {
      return new PriceFile(file);
    }
    if (config != null) {
      CollectorConfig loaded = new CollectorConfigLoader("collector").load(config);
      return new PriceFile(loaded.pricesFile());
    }
    return new PriceFile(CollectorConfig.defaultPricesFile(JournalConfig.DEFAULT_DIR));
  }
}
