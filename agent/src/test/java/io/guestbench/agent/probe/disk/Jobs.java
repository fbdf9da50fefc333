package io.guestbench.agent.probe.disk;

import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Small disk jobs for tests, in a directory the test owns. */
final class Jobs {
  static final long WALL = 1_750_000_000_000_000_000L;

  private Jobs() {}

  /** A job read from {@code key, value} pairs on top of a small, fast default. */
  static DiskJob job(Path dir, String... keyValues) {
    Map<String, String> params = params(dir, keyValues);
    ParamReader reader = new ParamReader(params);
    DiskJob job = DiskParams.read(reader);
    if (!reader.problems().isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", reader.problems()));
    }
    return job;
  }

  static Map<String, String> params(Path dir, String... keyValues) {
    Map<String, String> params = new HashMap<>();
    params.put("size", "4m");
    params.put("runtime", "300ms");
    params.put("directory", dir.toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put(keyValues[i], keyValues[i + 1]);
    }
    if (params.containsKey("filename")) {
      params.remove("directory");
    }
    // A tmpfs temp dir has no O_DIRECT; the tests are about the logic, not the page cache.
    if (!params.containsKey("direct") && isTmpfs(dir)) {
      params.put("direct", "0");
    }
    return params;
  }

  static StealSampler steal() {
    return new StealSampler(HostFixtures.files("xen-hvm"));
  }

  static JobRunner runner() {
    return new JobRunner(new ManualClock(WALL), steal());
  }

  static JobRunner runner(Filesystem fs) {
    return new JobRunner(new ManualClock(WALL), steal(), fs);
  }

  static JobOutcome run(DiskJob job) throws InterruptedException {
    return runner().run(job, "test-1", Spelling.PLAN, ProbeRun.Progress.NONE);
  }

  static JobReport completed(JobOutcome outcome) {
    if (outcome instanceof JobOutcome.Completed c) {
      return c.report();
    }
    throw new AssertionError("expected a completed job, got " + outcome);
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  static boolean isTmpfs(Path dir) {
    try {
      return Files.getFileStore(dir).type().equals("tmpfs");
    } catch (IOException e) {
      return false;
    }
  }
}
