package io.guestbench.collector.metrics;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares output with a reviewed golden file under {@code src/test/resources/metrics/}. */
final class Golden {
  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    String expected;
    try (InputStream in = Golden.class.getResourceAsStream("/metrics/" + name)) {
      expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!actual.equals(expected)) {
      // Written where a reviewer can diff it and, if it is right, copy it over the golden file.
      Path out = Path.of("target", "golden", name);
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual);
      fail(
          "%s differs from src/test/resources/metrics/%s; review %s and copy it over if right",
          name, name, out.toAbsolutePath());
    }
  }
}
