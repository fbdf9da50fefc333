package io.guestbench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the real binaries the way the launcher does, with output captured to files. */
final class ProcessRunner {
  private final Path workDir;
  private final List<Process> started = new ArrayList<>();

  ProcessRunner(Path workDir) {
    this.workDir = workDir;
  }

  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static List<String> jar(String property, String... args) {
    String jar = System.getProperty(property);
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException(property + " does not name a built jar: " + jar);
    }
    // The flags production uses (deploy/jvm/*.options), so tests see what users see.
    String program = property.replace("guestbench.", "").replace(".jar", "");
    Path options = Path.of(System.getProperty("guestbench.jvm.options"), program + ".options");
    List<String> command = new ArrayList<>(List.of(java(), "@" + options, "-jar", jar));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * {@code agent run} with {@code config} as {@code agentId}, against the collector on loopback
   * {@code collectorPort}, followed by {@code more} options.
   */
  static List<String> agentRun(Path config, int collectorPort, String agentId, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--config",
                config.toString(),
                "--collector",
                "127.0.0.1:" + collectorPort,
                "--agent-id",
                agentId));
    args.addAll(List.of(more));
    return jar("guestbench.agent.jar", args.toArray(String[]::new));
  }

  Process start(String name, List<String> command) throws IOException {
    return start(name, new ProcessBuilder(command).directory(workDir.toFile()));
  }

  /**
   * Starts {@code command} in {@code cwd} with only {@code environment} (nothing inherited), the
   * way a service manager starts a service.
   */
  Process startClean(String name, List<String> command, Path cwd, Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return start(name, builder);
  }

  private Process start(String name, ProcessBuilder builder) throws IOException {
    Process p =
        builder
            .redirectOutput(workDir.resolve(name + ".out").toFile())
            .redirectError(workDir.resolve(name + ".err").toFile())
            .start();
    started.add(p);
    return p;
  }

  /** Waits for a started process within {@code seconds}; fails the test if it does not end. */
  Finished await(String name, Process p, int seconds) throws Exception {
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          name + " did not finish within " + seconds + " s; stderr: " + err(name));
    }
    return new Finished(p.exitValue(), out(name), err(name));
  }

  /** Runs to completion within {@code seconds}; fails the test if it does not. */
  Finished run(String name, int seconds, List<String> command) throws Exception {
    return await(name, start(name, command), seconds);
  }

  String out(String name) throws IOException {
    return Files.readString(workDir.resolve(name + ".out"));
  }

  String err(String name) throws IOException {
    return Files.readString(workDir.resolve(name + ".err"));
  }

  /** Kills whatever is still running. */
  void killAll() {
    started.forEach(Process::destroyForcibly);
  }

  /** What a finished process left behind. */
  record Finished(int exit, String out, String err) {}
}
