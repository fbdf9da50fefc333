package io.guestbench.agent.cli;

import io.guestbench.agent.probe.ProbeRun;

/** Progress lines go to stderr, and only when a person is watching a terminal. */
final class Progress {
  private Progress() {}

  static ProbeRun.Progress toTerminal() {
    return System.console() == null
        ? ProbeRun.Progress.NONE
        : line -> System.err.println("  " + line);
  }
}
