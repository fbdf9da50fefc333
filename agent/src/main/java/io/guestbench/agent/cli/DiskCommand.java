package io.guestbench.agent.cli;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.disk.DiskJob;
import io.guestbench.agent.probe.disk.DiskParams;
import io.guestbench.agent.probe.disk.JobOutcome;
import io.guestbench.agent.probe.disk.JobRunner;
import io.guestbench.agent.probe.disk.Spelling;
import io.guestbench.common.time.Clock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code disk} command: one fio-style job on a scratch file, printed as a table or as
 * fio-shaped JSON. Ctrl-C stops the job and removes the scratch file before the JVM exits.
 */
@Command(
    name = "disk",
    description =
        "Run one fio-style disk job on a scratch file and print IOPS, bandwidth and"
            + " latency percentiles.")
public final class DiskCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private DiskOptions options = new DiskOptions();

  @Option(names = "--json", description = "Print fio-style JSON (jobs[0].read.iops, ...).")
  private boolean json;

  @Option(names = "--host-root", paramLabel = "DIR", description = "Where /proc is found.")
  private Path hostRoot = Path.of("/");

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  private boolean help;

  private final Clock clock;
  private final BooleanSupplier interactive;

  public DiskCommand(Clock clock) {
    this(clock, Progress::stderrLikelyTerminal);
  }

  DiskCommand(Clock clock, BooleanSupplier interactive) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interactive = Objects.requireNonNull(interactive, "interactive");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ParamReader reader = new ParamReader(options.params());
    DiskJob job = DiskParams.read(reader);
    if (!reader.problems().isEmpty()) {
      err.println(
          "disk: "
              + String.join(
                  "; ", reader.problems().stream().map(Spelling.FLAGS::problem).toList()));
      return 2;
    }
    JobRunner runner = new JobRunner(clock, new StealSampler(new HostFiles(hostRoot)));
    ProbeRun.Progress progress =
        interactive.getAsBoolean()
            ? line -> {
              err.println("disk: " + line);
              err.flush();
            }
            : ProbeRun.Progress.NONE;
    JobOutcome outcome;
    try (StopOnSignal stop = StopOnSignal.install()) {
      outcome = runner.run(job, "cli-" + ProcessHandle.current().pid(), Spelling.FLAGS, progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("disk: interrupted; the job stopped and its scratch file is removed");
      return 130;
    }
    return report(outcome, out, err);
  }

  private int report(JobOutcome outcome, PrintWriter out, PrintWriter err) {
    return switch (outcome) {
      case JobOutcome.Refused r -> fail(err, r.message(), 2);
      case JobOutcome.Failed f -> fail(err, f.message(), 1);
      case JobOutcome.Unsupported u -> fail(err, u.message(), 1);
      case JobOutcome.Completed c -> {
        String version = getClass().getPackage().getImplementationVersion();
        out.print(
            json
                ? DiskFio.render(c.report(), version == null ? "dev" : version)
                    + System.lineSeparator()
                : DiskTable.render(c.report()));
        out.flush();
        if (c.report().errors().count() > 0) {
          yield fail(err, c.report().errors().first(), 1);
        }
        yield 0;
      }
    };
  }

  private static int fail(PrintWriter err, String message, int code) {
    err.println("disk: " + message);
    err.flush();
    return code;
  }
}
