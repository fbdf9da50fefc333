package io.guestbench.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code promtool check metrics}, the linter Prometheus ships, on an exposition. */
final class Promtool {
  static final Path BINARY = Path.of("/usr/bin/promtool");

  private Promtool() {}

  /** promtool's complaints; empty when it found nothing. */
  static String checkMetrics(String exposition) throws Exception {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(BINARY + " is missing: install the Debian package 'prometheus'");
    }
    Process check =
        new ProcessBuilder(BINARY.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (var stdin = check.getOutputStream()) {
      stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!check.waitFor(30, TimeUnit.SECONDS)) {
      check.destroyForcibly();
      throw new AssertionError("promtool did not finish within 30 s");
    }
    return check.exitValue() == 0 ? report.strip() : "exit " + check.exitValue() + ": " + report;
  }
}
