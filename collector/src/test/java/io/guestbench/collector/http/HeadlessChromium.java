package io.guestbench.collector.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's {@code chromium} in headless mode: a page's DOM as the browser built it, or a PNG. */
final class HeadlessChromium {
  private final Path profile;

  HeadlessChromium(Path scratch) {
    this.profile = scratch.resolve("chromium-profile");
  }

  /** The DOM after the browser parsed and laid out {@code url}. */
  String dumpDom(String url) throws Exception {
    return run("--dump-dom", url);
  }

  /** A screenshot of {@code url} at the given window size, as a PNG file. */
  Path screenshot(String url, Path png, int width, int height) throws Exception {
    run("--screenshot=" + png, "--window-size=" + width + "," + height, url);
    if (!Files.isRegularFile(png) || Files.size(png) == 0) {
      throw new AssertionError("chromium wrote no screenshot to " + png);
    }
    return png;
  }

  private String run(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                binary(),
                "--headless",
                "--no-sandbox", // the tests may run as root, where the sandbox refuses to start
                "--disable-gpu",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 60 s");
    }
    if (p.exitValue() != 0) {
      throw new AssertionError("chromium exited " + p.exitValue() + ": " + Files.readString(err));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String binary() throws IOException {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    throw new IOException(
        "no chromium on PATH: the page test needs Debian's chromium package (.ci/run installs it)");
  }
}
