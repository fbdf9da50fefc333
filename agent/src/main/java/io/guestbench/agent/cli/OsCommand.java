package io.guestbench.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Injector;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.os.ClockId;
import io.guestbench.agent.probe.os.TimerCheck;
import io.guestbench.agent.probe.os.TimerReport;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code os} command: the timer check, then the OS micro-probes locally, each selectable by
 * name; a probe this machine cannot run is reported as skipped with the reason.
 */
@Command(
    name = "os",
    description =
        "Check the timer, then run the OS micro-probes locally (clock_read, syscall, page_fault,"
            + " spawn, context_switch; default all) and print what they measured.")
public final class OsCommand implements Callable<Integer> {
  static final List<String> NAMES =
      List.of("clock_read", "syscall", "page_fault", "spawn", "context_switch");

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Probes to run. Default: all.")
  private List<String> names = new ArrayList<>();

  @Option(names = "--warmup", paramLabel = "DURATION", description = "Default: 300ms.")
  private String warmup;

  @Mixin private MethodOptions method = new MethodOptions();

  @Option(names = "--json", description = "Print JSON instead of tables.")
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

  private final Function<Path, Injector> assemble;
  private final BooleanSupplier interactive;

  /** With {@code assemble} building the agent's graph over a host root. */
  public OsCommand(Function<Path, Injector> assemble) {
    this(assemble, LocalRunner::stderrLikelyTerminal);
  }

  OsCommand(Function<Path, Injector> assemble, BooleanSupplier interactive) {
    this.assemble = Objects.requireNonNull(assemble, "assemble");
    this.interactive = Objects.requireNonNull(interactive, "interactive");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(hostRoot)) {
      err.println("os: --host-root: " + hostRoot + " is not a directory");
      err.flush();
      return 2;
    }
    Injector injector = assemble.apply(hostRoot);
    LocalPlan plan =
        LocalPlan.of(
            injector.getInstance(ProbeCatalog.class),
            "os",
            names.isEmpty() ? NAMES : names,
            NAMES,
            Map.of("clock_read", new LocalPlan.Expansion("clock", ClockId.labels())),
            method.common(warmup),
            method.params,
            "os-" + ProcessHandle.current().pid());
    if (!plan.problems().isEmpty()) {
      err.println("os: " + String.join("; ", plan.problems()));
      err.flush();
      return 2;
    }
    boolean watched = interactive.getAsBoolean();
    try {
      TimerReport timer =
          injector.getInstance(TimerCheck.class).run(LocalRunner.progress("os", err, watched));
      List<ProbeResult> results = LocalRunner.run(plan.runs(), "os", err, watched);
      print(out, timer, results.stream().map(MethodFigures::from).toList());
      boolean failed = results.stream().anyMatch(r -> r.getStatus() == RunStatus.RUN_STATUS_ERROR);
      return failed ? 1 : 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("os: interrupted");
      err.flush();
      return 130;
    }
  }

  private void print(PrintWriter out, TimerReport timer, List<MethodFigures> figures) {
    if (json) {
      ObjectNode root = new ObjectMapper().createObjectNode();
      root.put("command", "os");
      root.set("timer", TimerView.json(timer));
      root.set("results", MethodReport.json(figures));
      out.println(root.toPrettyString());
    } else {
      out.print(TimerView.table(timer));
      out.println();
      out.print(MethodReport.table(figures));
    }
    out.flush();
  }
}
