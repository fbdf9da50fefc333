package io.guestbench.collector.cli;

import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.common.config.ConfigException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code validate --config FILE}: every problem of a config file, or a one-line OK. */
@Command(name = "validate", description = "Check a collector config file and list every problem.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    if (config.file == null) {
      System.err.println("guestbench collector validate: --config FILE is required");
      return 2;
    }
    try {
      CollectorConfig c = config.load();
      System.out.println(
          config.file
              + ": ok (grpc "
              + c.bind()
              + ":"
              + c.grpcPort()
              + ", http "
              + c.httpPort()
              + ")");
      return 0;
    } catch (ConfigException e) {
      e.problems().forEach(System.err::println);
      return 2;
    }
  }
}
