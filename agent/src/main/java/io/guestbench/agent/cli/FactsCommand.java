package io.guestbench.agent.cli;

import io.guestbench.agent.host.FactSource;
import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.host.detect.HostFactsCollector;
import io.guestbench.agent.host.imds.ImdsClient;
import io.guestbench.agent.host.imds.ImdsFactSource;
import io.guestbench.agent.host.imds.ImdsSettings;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.HostFacts;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code facts} command: detects the guest type and prints the facts with their evidence. */
@Command(
    name = "facts",
    description = "Detect the guest type and print the host facts with the evidence for them.")
public final class FactsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  @Option(
      names = "--host-root",
      paramLabel = "DIR",
      description = "Where /proc and /sys are found. Default: /.")
  private Path hostRoot = Path.of("/");

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  private boolean help;

  @Mixin private ImdsOptions imds = new ImdsOptions();

  private final Function<Path, Set<FactSource>> extraSources;

  public FactsCommand() {
    this(root -> Set.of());
  }

  /**
   * With further fact sources, such as instance metadata; asked for only when the command runs, so
   * building the command line does no I/O.
   */
  public FactsCommand(Supplier<Set<FactSource>> extraSources) {
    this(root -> extraSources.get());
    Objects.requireNonNull(extraSources, "extraSources");
  }

  /** With further fact sources that depend on the host root, such as the timer check. */
  public FactsCommand(Function<Path, Set<FactSource>> extraSources) {
    this.extraSources = Objects.requireNonNull(extraSources, "extraSources");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(hostRoot)) {
      err.println("facts: --host-root: " + hostRoot + " is not a directory");
      err.flush();
      return 2;
    }
    ImdsSettings settings;
    try {
      settings = imds.apply(ImdsSettings.defaults());
    } catch (IllegalArgumentException e) {
      err.println("facts: " + e.getMessage());
      err.flush();
      return 2;
    }
    List<FactSource> metadata =
        settings.enabled()
            ? List.of(new ImdsFactSource(new ImdsClient(settings, Clock.system()), settings))
            : List.of();
    HostFacts facts =
        new HostFactsCollector(new HostFiles(hostRoot), extraSources.apply(hostRoot))
            .collect(metadata);
    out.print(json ? FactsReport.json(facts) + System.lineSeparator() : FactsReport.table(facts));
    out.flush();
    return 0;
  }
}
