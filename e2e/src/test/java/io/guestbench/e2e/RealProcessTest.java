package io.guestbench.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of tests that start the real binaries: a scratch directory, and nothing left running. */
abstract class RealProcessTest {
  @TempDir Path dir;
  ProcessRunner runner;

  @BeforeEach
  void newRunner() {
    runner = new ProcessRunner(dir);
  }

  @AfterEach
  void killLeftovers() {
    runner.killAll();
  }
}
