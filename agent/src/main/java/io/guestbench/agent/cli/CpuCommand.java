package io.guestbench.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Injector;
import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.cpu.ComputeProbe;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * The {@code cpu} command: runs the compute kernels and the memory probes locally, each selectable
 * by name, and prints what they did.
 */
@Command(
    name = "cpu",
    description =
        "Run the CPU and memory probes locally (compute, mem_bandwidth, mem_latency; default all)"
            + " and print what they measured.")
public final class CpuCommand implements Callable<Integer> {
  static final String COMPUTE = "compute";
  static final List<String> NAMES = List.of(COMPUTE, "mem_bandwidth", "mem_latency");
  static final List<String> MEMORY = NAMES.subList(1, NAMES.size());

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Probes to run. Default: all.")
  private List<String> names = new ArrayList<>();

  @Option(
      names = "--kernel",
      paramLabel = "int|fp|both",
      description = "Compute kernels. Default: both.")
  private String kernel = "both";

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      description = "Default: 1s for compute, 300ms for the memory probes.")
  private String warmup;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "Compute iterations. Default: 30.")
  private String iterations;

  @Option(
      names = "--ops-per-iteration",
      paramLabel = "N",
      description = "Compute kernel steps per timed iteration.")
  private String opsPerIteration;

  @Mixin private MethodOptions method = new MethodOptions();

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

  private final Clock clock;
  private final Function<Path, Injector> assemble;
  private final BooleanSupplier interactive;

  /** With {@code assemble} building the agent's graph over a host root, for the memory probes. */
  public CpuCommand(Clock clock, Function<Path, Injector> assemble) {
    this(clock, assemble, LocalRunner::stderrLikelyTerminal);
  }

  CpuCommand(Clock clock, Function<Path, Injector> assemble, BooleanSupplier interactive) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.assemble = Objects.requireNonNull(assemble, "assemble");
    this.interactive = Objects.requireNonNull(interactive, "interactive");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> selected = names.isEmpty() ? NAMES : names;
    ComputeProbe compute = new ComputeProbe(clock, new StealSampler(new HostFiles(hostRoot)));
    String runIdPrefix = "cpu-" + clock.wallNanos();
    CpuRuns computeRuns =
        selected.contains(COMPUTE)
            ? CpuRuns.plan(compute, runIdPrefix, kernel, warmup, iterations, opsPerIteration)
            : new CpuRuns(List.of(), List.of());
    List<String> memory = selected.stream().filter(n -> !n.equals(COMPUTE)).toList();
    LocalPlan memoryRuns =
        memory.isEmpty()
            ? new LocalPlan(List.of(), List.of())
            : LocalPlan.of(
                assemble.apply(hostRoot).getInstance(ProbeCatalog.class),
                "cpu",
                memory,
                MEMORY,
                Map.of(
                    "mem_bandwidth", new LocalPlan.Expansion("kernel", List.of("copy", "triad"))),
                method.common(warmup),
                method.params,
                runIdPrefix);
    // A bad shared option (--warmup) is a problem of both; say it once.
    Set<String> problems = new LinkedHashSet<>(computeRuns.problems());
    problems.addAll(memoryRuns.problems());
    if (!problems.isEmpty()) {
      err.println("cpu: " + String.join("; ", problems));
      return 2;
    }
    try {
      List<CpuFigures> computed = new ArrayList<>();
      for (ProbeRun run : computeRuns.runs()) {
        computed.add(CpuFigures.from(compute.run(withProgress(run, err))));
      }
      List<ProbeResult> measured =
          LocalRunner.run(memoryRuns.runs(), "cpu", err, interactive.getAsBoolean());
      print(out, computed, measured.stream().map(MethodFigures::from).toList());
      boolean failed =
          computed.stream().anyMatch(f -> !f.status().equals("OK"))
              || measured.stream().anyMatch(r -> r.getStatus() == RunStatus.RUN_STATUS_ERROR);
      return failed ? 1 : 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("cpu: interrupted");
      return 130;
    }
  }

  private void print(PrintWriter out, List<CpuFigures> computed, List<MethodFigures> measured) {
    if (json) {
      ObjectNode root = CpuReport.jsonNode(computed);
      ArrayNode results = (ArrayNode) root.get("results");
      results.addAll(MethodReport.json(measured));
      out.println(root.toPrettyString());
    } else {
      if (!computed.isEmpty()) {
        out.print(CpuReport.table(computed));
      }
      if (!computed.isEmpty() && !measured.isEmpty()) {
        out.println();
      }
      if (!measured.isEmpty()) {
        out.print(MethodReport.table(measured));
      }
    }
    out.flush();
  }

  private ProbeRun withProgress(ProbeRun run, PrintWriter err) {
    return new ProbeRun(
        run.runId(), run.params(), LocalRunner.progress("cpu", err, interactive.getAsBoolean()));
  }
}
