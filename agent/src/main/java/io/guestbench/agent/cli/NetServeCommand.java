package io.guestbench.agent.cli;

import io.guestbench.agent.probe.net.peer.PeerServer;
import io.guestbench.agent.probe.net.peer.PeerSettings;
import io.guestbench.agent.probe.net.wire.PeerSecret;
import io.guestbench.agent.probe.net.wire.Transport;
import io.guestbench.common.lifecycle.TerminationSignals;
import io.guestbench.common.text.ByteSizes;
import io.guestbench.common.text.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code net serve}: be the peer other agents test against, until SIGTERM or SIGINT. */
@Command(name = "serve", description = "Serve network tests to other agents until stopped.")
final class NetServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Default: 0.0.0.0.")
  String bind = "0.0.0.0";

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "TCP and UDP port; 0 picks a free one. Default: 7071.")
  int port = PeerSettings.DEFAULT_PORT;

  @Option(
      names = "--secret-file",
      paramLabel = "FILE",
      description = "Require clients to prove they hold this shared secret (mode 600 or 640).")
  Path secretFile;

  @Option(names = "--max-concurrent-tests", paramLabel = "N", description = "Default: 1.")
  int maxConcurrentTests = 1;

  @Option(
      names = "--max-duration",
      paramLabel = "DURATION",
      description = "Longest test, warm-up included. Default: 5m.")
  String maxDuration = "5m";

  @Option(names = "--max-message-bytes", paramLabel = "SIZE", description = "Default: 1MiB.")
  String maxMessageBytes = "1MiB";

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PeerSettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      err.println("net serve: " + e.getMessage());
      return 2;
    }
    TerminationSignals signals = TerminationSignals.install();
    PeerServer server = new PeerServer(settings, Transport.best());
    try {
      server.start();
    } catch (Exception e) {
      err.println("net serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
      return 1;
    }
    err.printf(
        "guestbench net peer: listening on %s (tcp and udp, %s)%n",
        (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + server.address().getPort(),
        server.transport().label());
    err.flush();
    signals.await();
    server.stop(Duration.ofSeconds(3));
    err.println("guestbench net peer: stopped; " + server.stats().summary());
    return 0;
  }

  private PeerSettings settings() {
    Optional<PeerSecret> secret = Optional.empty();
    if (secretFile != null) {
      switch (PeerSecret.load(secretFile)) {
        case PeerSecret.Found f -> secret = Optional.of(f.secret());
        case PeerSecret.Problem p ->
            throw new IllegalArgumentException(p.line("--secret-file", secretFile));
      }
    }
    Duration max = Durations.parse(maxDuration);
    long bytes = ByteSizes.parse(maxMessageBytes);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port: " + port + " (expected: 0..65535)");
    }
    if (maxConcurrentTests < 1 || maxConcurrentTests > 64) {
      throw new IllegalArgumentException(
          "--max-concurrent-tests: " + maxConcurrentTests + " (expected: 1..64)");
    }
    if (max.isZero() || max.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("--max-duration: " + maxDuration + " (expected: 1s..1h)");
    }
    if (bytes < 64 << 10 || bytes > 16 << 20) {
      throw new IllegalArgumentException(
          "--max-message-bytes: " + maxMessageBytes + " (expected: 64KiB..16MiB)");
    }
    return new PeerSettings(bind, port, secret, maxConcurrentTests, max, (int) bytes);
  }
}
