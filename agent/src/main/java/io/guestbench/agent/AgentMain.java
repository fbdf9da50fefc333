package io.guestbench.agent;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.guestbench.agent.cli.CpuCommand;
import io.guestbench.agent.cli.DiskCommand;
import io.guestbench.agent.cli.FactsCommand;
import io.guestbench.agent.cli.NetCommand;
import io.guestbench.agent.cli.OsCommand;
import io.guestbench.agent.cli.RunCommand;
import io.guestbench.agent.cli.ValidateCommand;
import io.guestbench.agent.probe.os.TimerFactSource;
import io.guestbench.common.cli.OneLineUsageErrors;
import io.guestbench.common.time.Clock;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The agent binary's entry point and composition root. */
@Command(
    name = "guestbench-agent",
    mixinStandardHelpOptions = true,
    versionProvider = AgentMain.Version.class,
    description = "Detects the guest, runs probes and streams results to the collector.",
    subcommands = {RunCommand.class, ValidateCommand.class})
public final class AgentMain implements Runnable {

  public static void main(String[] args) {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
    System.exit(commandLine().execute(args));
  }

  /** The command tree, with usage errors answered in one line and exit code 2. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new AgentMain());
    cli.addSubcommand(new CpuCommand(Clock.system(), AgentMain::assemble));
    cli.addSubcommand(new OsCommand(AgentMain::assemble));
    // The timer check's findings are facts too; the graph is built only when the command runs.
    cli.addSubcommand(
        new FactsCommand(root -> Set.of(assemble(root).getInstance(TimerFactSource.class))));
    cli.addSubcommand(new DiskCommand(Clock.system()));
    cli.addSubcommand(new NetCommand());
    return OneLineUsageErrors.install(cli, "guestbench agent");
  }

  /** Builds the agent's object graph for a host root: the one place an injector is created. */
  public static Injector assemble(Path hostRoot) {
    return Guice.createInjector(Stage.PRODUCTION, new AgentModule(hostRoot));
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.err);
  }

  /** The release, from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = AgentMain.class.getPackage().getImplementationVersion();
      return new String[] {"guestbench agent " + (v == null ? "dev" : v)};
    }
  }
}
