package io.guestbench.common.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Answers a command-line mistake with one line on stderr and exit code 2, not a usage page. */
public final class OneLineUsageErrors implements IParameterExceptionHandler {
  public static final int EXIT_USAGE = 2;
  private final String program;

  public OneLineUsageErrors(String program) {
    this.program = program;
  }

  /** Installs the handler on {@code cli} and returns it. */
  public static CommandLine install(CommandLine cli, String program) {
    cli.setParameterExceptionHandler(new OneLineUsageErrors(program));
    return cli;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    ex.getCommandLine().getErr().println(program + ": " + ex.getMessage() + " (see --help)");
    return EXIT_USAGE;
  }
}
