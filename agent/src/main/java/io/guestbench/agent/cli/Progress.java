package io.guestbench.agent.cli;

import io.guestbench.agent.probe.ProbeRun;

/** Progress lines go to stderr, and only when a person is watching a terminal. */
final class Progress {
  private Progress() {}

  /**
   * Java cannot ask whether stderr alone is a terminal; an interactive console (stdin and stdout on
   * a terminal) is the closest sign that someone is watching.
   */
  static boolean stderrLikelyTerminal() {
    java.io.Console console = System.console();
    return console != null && console.isTerminal();
  }

  static ProbeRun.Progress toTerminal() {
    return System.console() == null
        ? ProbeRun.Progress.NONE
        : line -> System.err.println("  " + line);
  }
}
