package io.guestbench.agent.cli;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.net.NetParams;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the {@code net} test commands share: the peer and timing options, running the probe once,
 * and printing its result. Options map one to one onto the probe's parameters, so a problem is
 * reported under the option's name.
 */
abstract class NetTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--peer",
      paramLabel = "HOST:PORT",
      required = true,
      description = "A guestbench peer (agent net serve, or an agent run with net.serve).")
  String peer;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description = "Measured time. Default: 10s.")
  String duration;

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      description = "Unmeasured time first. Default: 2s.")
  String warmup;

  @Option(names = "--secret-file", paramLabel = "FILE", description = "The peer's shared secret.")
  String secretFile;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(
      names = "--host-root",
      paramLabel = "DIR",
      description = "Where /proc is found. Default: /.")
  Path hostRoot = Path.of("/");

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  /** The probe this command runs. */
  abstract Probe probe(Clock clock, StealSampler steal, HostFiles host);

  /** The command's own options as probe parameters; unset options are left out. */
  abstract void params(Map<String, String> params);

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String name = "net " + spec.name();
    HostFiles host = new HostFiles(hostRoot);
    Clock clock = Clock.system();
    Probe probe = probe(clock, new StealSampler(host), host);
    Map<String, String> params = new LinkedHashMap<>();
    put(params, NetParams.PEER, peer);
    put(params, NetParams.DURATION, duration);
    put(params, NetParams.WARMUP, warmup);
    put(params, NetParams.SECRET_FILE, secretFile);
    params(params);
    List<String> problems = probe.check(params);
    if (!problems.isEmpty()) {
      err.println(
          name
              + ": "
              + String.join("; ", problems.stream().map(NetTestCommand::asOption).toList()));
      return 2;
    }
    ProbeResult result;
    try {
      String id = ProbeCatalog.id(probe.kind(), probe.name());
      result = probe.run(new ProbeRun(id + "-" + clock.wallNanos(), params, Progress.toTerminal()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(name + ": interrupted");
      return 130;
    }
    boolean ok = result.getStatus() == RunStatus.RUN_STATUS_OK;
    if (json) {
      out.println(NetReport.json(name, result));
    } else if (ok) {
      out.print(NetReport.table(result));
    }
    out.flush();
    if (!ok) {
      err.println(name + ": " + result.getStatusMessage());
    }
    return ok ? 0 : 1;
  }

  static void put(Map<String, String> params, String key, Object value) {
    if (value != null) {
      params.put(key, value.toString());
    }
  }

  /** {@code message_bytes: 5 (...)} becomes {@code --message-bytes: 5 (...)}. */
  private static String asOption(String problem) {
    int colon = problem.indexOf(':');
    return colon < 0
        ? problem
        : "--" + problem.substring(0, colon).replace('_', '-') + problem.substring(colon);
  }
}
