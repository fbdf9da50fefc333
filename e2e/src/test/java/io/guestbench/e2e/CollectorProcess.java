package io.guestbench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The real collector binary on loopback, on ports it picked itself. */
final class CollectorProcess {
  final Process process;
  final int grpcPort;
  final int httpPort;

  private CollectorProcess(Process process, int grpcPort, int httpPort) {
    this.process = process;
    this.grpcPort = grpcPort;
    this.httpPort = httpPort;
  }

  /** A collector with plaintext ingest chosen on the command line, plus {@code extraArgs}. */
  static CollectorProcess start(ProcessRunner runner, Path dir, String... extraArgs)
      throws Exception {
    List<String> args = new ArrayList<>(List.of(extraArgs));
    args.add("--plaintext");
    return launch(runner, dir, args.toArray(String[]::new));
  }

  /** A collector configured by {@code configFile}. */
  static CollectorProcess withConfig(ProcessRunner runner, Path dir, Path configFile)
      throws Exception {
    return launch(runner, dir, "--config", configFile.toString());
  }

  private static CollectorProcess launch(ProcessRunner runner, Path dir, String... security)
      throws Exception {
    Path ports = dir.resolve("collector.ports");
    Files.deleteIfExists(ports); // a restart must not read the ports of the process before
    List<String> args =
        new ArrayList<>(
            List.of(
                "serve",
                "--bind",
                "127.0.0.1",
                "--grpc-port",
                "0",
                "--http-port",
                "0",
                "--ports-file",
                ports.toString(),
                "--journal-dir",
                dir.resolve("journal").toString()));
    args.addAll(List.of(security));
    Process p =
        runner.start(
            "collector",
            ProcessRunner.jar("guestbench.collector.jar", args.toArray(String[]::new)));
    Poll.until(
        "the collector's ports file",
        30,
        () -> {
          if (!p.isAlive()) {
            throw new AssertionError(
                "collector exited " + p.exitValue() + ": " + runner.err("collector"));
          }
          return Files.exists(ports);
        });
    Properties props = new Properties();
    try (var in = Files.newInputStream(ports)) {
      props.load(in);
    }
    return new CollectorProcess(
        p,
        Integer.parseInt(props.getProperty("grpc")),
        Integer.parseInt(props.getProperty("http")));
  }

  String metricsUrl() {
    return "http://127.0.0.1:" + httpPort + "/metrics";
  }

  /** SIGTERM, then the exit code (fails if it takes longer than {@code seconds}). */
  int terminate(int seconds) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("collector ignored SIGTERM for " + seconds + " s");
    }
    return process.exitValue();
  }
}
