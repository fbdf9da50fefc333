package io.guestbench.collector;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.guestbench.collector.cli.PricesCommand;
import io.guestbench.collector.cli.ReportCommand;
import io.guestbench.collector.cli.ServeCommand;
import io.guestbench.collector.cli.ValidateCommand;
import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.common.cli.OneLineUsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The collector binary's entry point and composition root. */
@Command(
    name = "guestbench-collector",
    mixinStandardHelpOptions = true,
    versionProvider = CollectorMain.Version.class,
    description = "Receives probe results from agents and exposes them to Prometheus.",
    subcommands = {
      ServeCommand.class,
      ValidateCommand.class,
      ReportCommand.class,
      PricesCommand.class
    })
public final class CollectorMain implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree, with usage errors answered in one line and exit code 2. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CollectorMain());
    return OneLineUsageErrors.install(cli, "guestbench collector");
  }

  /** Builds the collector from validated config: the one place an injector is created. */
  public static CollectorRuntime assemble(CollectorConfig config) {
    return Guice.createInjector(Stage.PRODUCTION, new CollectorModule(config))
        .getInstance(CollectorRuntime.class);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.err);
  }

  /** The release, from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CollectorMain.class.getPackage().getImplementationVersion();
      return new String[] {"guestbench collector " + (v == null ? "dev" : v)};
    }
  }
}
