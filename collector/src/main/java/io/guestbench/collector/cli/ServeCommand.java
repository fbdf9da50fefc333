package io.guestbench.collector.cli;

import io.guestbench.collector.CollectorMain;
import io.guestbench.collector.CollectorRuntime;
import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.common.config.ConfigException;
import io.guestbench.common.lifecycle.ServiceManager.ServiceStartException;
import io.guestbench.common.lifecycle.TerminationSignals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: runs the collector until SIGTERM or SIGINT, then shuts down in order. */
@Command(name = "serve", description = "Run the collector: gRPC ingest and HTTP /metrics.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--bind", paramLabel = "HOST", description = "Listen address (overrides config).")
  String bind;

  @Option(names = "--grpc-port", paramLabel = "PORT", description = "gRPC port; 0 picks one.")
  Integer grpcPort;

  @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port; 0 picks one.")
  Integer httpPort;

  @Option(
      names = "--journal-dir",
      paramLabel = "DIR",
      description =
          "Journal directory (overrides journal.dir; default /var/lib/guestbench/journal).")
  Path journalDir;

  @Option(
      names = "--ports-file",
      paramLabel = "FILE",
      description = "Write grpc=PORT and http=PORT here once listening.")
  Path portsFile;

  @Override
  public Integer call() throws Exception {
    CollectorConfig settings;
    try {
      settings = config.load().listening(bind, grpcPort, httpPort);
      settings = journalDir == null ? settings : settings.journalIn(journalDir);
    } catch (ConfigException e) {
      e.problems().forEach(System.err::println);
      return 2;
    }
    CollectorRuntime runtime = CollectorMain.assemble(settings);
    try {
      runtime.start();
    } catch (ServiceStartException e) {
      System.err.println("guestbench collector: cannot start " + e.getMessage());
      return 1;
    }
    TerminationSignals signals = TerminationSignals.install();
    settings
        .security()
        .warning()
        .ifPresent(w -> System.err.println("guestbench collector: warning: " + w));
    announce(settings, runtime);
    signals.await();
    System.err.println("guestbench collector: shutting down");
    runtime.shutdown();
    return 0;
  }

  private void announce(CollectorConfig settings, CollectorRuntime runtime) throws IOException {
    String host = settings.bind().equals("0.0.0.0") ? "127.0.0.1" : settings.bind();
    System.out.printf(
        "guestbench collector %s listening: grpc %s:%d, http http://%s:%d/metrics%n",
        settings.collectorId(), host, runtime.grpcPort(), host, runtime.httpPort());
    System.out.flush();
    if (portsFile != null) {
      Path tmp = portsFile.resolveSibling(portsFile.getFileName() + ".tmp");
      Files.writeString(tmp, "grpc=" + runtime.grpcPort() + "\nhttp=" + runtime.httpPort() + "\n");
      Files.move(
          tmp, portsFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
