package io.guestbench.agent.cli;

import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.proto.v1.ProbeResult;
import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs a local command's probes one after the other, with progress on stderr when watched. */
final class LocalRunner {
  private LocalRunner() {}

  static List<ProbeResult> run(
      List<LocalPlan.LocalRun> runs, String command, PrintWriter err, boolean interactive)
      throws InterruptedException {
    List<ProbeResult> results = new ArrayList<>();
    for (LocalPlan.LocalRun r : runs) {
      results.add(r.probe().run(withProgress(r.run(), progress(command, err, interactive))));
    }
    return results;
  }

  /** Progress lines prefixed with the command's name, or none. */
  static ProbeRun.Progress progress(String command, PrintWriter err, boolean interactive) {
    if (!interactive) {
      return ProbeRun.Progress.NONE;
    }
    return line -> {
      err.println(command + ": " + line);
      err.flush();
    };
  }

  private static ProbeRun withProgress(ProbeRun run, ProbeRun.Progress progress) {
    return new ProbeRun(run.runId(), run.params(), progress);
  }

  /**
   * Java cannot ask whether stderr alone is a terminal; an interactive console (stdin and stdout on
   * a terminal) is the closest sign that someone is watching.
   */
  static boolean stderrLikelyTerminal() {
    Console console = System.console();
    return console != null && console.isTerminal();
  }
}
