package io.guestbench.collector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code prices}: the price table behind the compare report's cost figures. */
@Command(
    name = "prices",
    description = "Show the price table, or import current prices from an AWS offer file.",
    subcommands = {PricesImportCommand.class, PricesShowCommand.class})
public final class PricesCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
