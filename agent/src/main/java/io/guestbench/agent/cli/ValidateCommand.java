package io.guestbench.agent.cli;

import io.guestbench.agent.AgentMain;
import io.guestbench.agent.config.AgentConfig;
import io.guestbench.agent.config.AgentConfigLoader;
import io.guestbench.common.config.ConfigException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code validate --config FILE}: every problem of an agent config, or a one-line OK. */
@Command(name = "validate", description = "Check an agent config file and list every problem.")
public final class ValidateCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      required = true,
      description = "Agent YAML config.")
  Path file;

  @Option(names = "--host-root", paramLabel = "DIR", description = "Read DIR/proc and DIR/sys.")
  Path hostRoot = Path.of("/");

  @Override
  public Integer call() {
    try {
      AgentConfig c = AgentMain.assemble(hostRoot).getInstance(AgentConfigLoader.class).load(file);
      System.out.printf(
          "%s: ok (agent %s, collector %s, %d probes, %s)%n",
          file,
          c.agentId(),
          c.collector().address(),
          c.plan().probes().size(),
          c.plan().repeatsForever() ? "repeating" : c.plan().rounds() + " rounds");
      return 0;
    } catch (ConfigException e) {
      e.problems().forEach(System.err::println);
      return 2;
    }
  }
}
