package io.guestbench.agent.cli;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.cpu.ComputeProbe;
import io.guestbench.common.time.Clock;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code cpu} command: runs the compute probe's kernels locally and prints what they did. */
@Command(
    name = "cpu",
    description =
        "Run the integer and floating-point compute kernels locally and print throughput.")
public final class CpuCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--kernel", paramLabel = "int|fp|both", description = "Default: both.")
  private String kernel = "both";

  @Option(names = "--warmup", paramLabel = "DURATION", description = "Default: 1s.")
  private String warmup;

  @Option(names = "--iterations", paramLabel = "N", description = "Default: 30.")
  private String iterations;

  @Option(
      names = "--ops-per-iteration",
      paramLabel = "N",
      description = "Kernel steps per timed iteration.")
  private String opsPerIteration;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  @Option(
      names = "--host-root",
      paramLabel = "DIR",
      description = "Where /proc is found. Default: /.")
  private Path hostRoot = Path.of("/");

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  private boolean help;

  private final Clock clock;
  private final BooleanSupplier interactive;

  public CpuCommand(Clock clock) {
    this(clock, CpuCommand::stderrLikelyTerminal);
  }

  CpuCommand(Clock clock, BooleanSupplier interactive) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interactive = Objects.requireNonNull(interactive, "interactive");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ComputeProbe probe = new ComputeProbe(clock, new StealSampler(new HostFiles(hostRoot)));
    String runIdPrefix = "cpu-" + clock.wallNanos();
    CpuRuns plan = CpuRuns.plan(probe, runIdPrefix, kernel, warmup, iterations, opsPerIteration);
    if (!plan.problems().isEmpty()) {
      err.println("cpu: " + String.join("; ", plan.problems()));
      return 2;
    }
    List<CpuFigures> figures = new ArrayList<>();
    try {
      for (ProbeRun run : plan.runs()) {
        figures.add(CpuFigures.from(probe.run(withProgress(run, err))));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("cpu: interrupted");
      return 130;
    }
    out.print(json ? CpuReport.json(figures) + System.lineSeparator() : CpuReport.table(figures));
    out.flush();
    return figures.stream().allMatch(f -> f.status().equals("OK")) ? 0 : 1;
  }

  private ProbeRun withProgress(ProbeRun run, PrintWriter err) {
    if (!interactive.getAsBoolean()) {
      return run;
    }
    return new ProbeRun(
        run.runId(),
        run.params(),
        line -> {
          err.println("cpu: " + line);
          err.flush();
        });
  }

  /**
   * Java cannot ask whether stderr alone is a terminal; an interactive console (stdin and stdout on
   * a terminal) is the closest sign that someone is watching.
   */
  private static boolean stderrLikelyTerminal() {
    Console console = System.console();
    return console != null && console.isTerminal();
  }
}
