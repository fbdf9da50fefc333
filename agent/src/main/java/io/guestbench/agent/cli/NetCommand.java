package io.guestbench.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code net} command: serve as a peer, or test the network against one. */
@Command(
    name = "net",
    description = "Network tests between agents: serve as a peer, or run a test against one.",
    subcommands = {
      NetServeCommand.class,
      NetStreamCommand.class,
      NetRrCommand.class,
      NetCrrCommand.class,
      NetUdpCommand.class
    })
public final class NetCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
