package io.guestbench.agent.probe.disk;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small file system mounted on a directory the test created, for the cases a normal disk cannot
 * show: ramfs has no O_DIRECT, a tiny tmpfs fills up, a read-only tmpfs refuses writes. Needs root
 * (CAP_SYS_ADMIN); elsewhere the test is skipped. Closing unmounts it.
 */
public final class ScratchMount implements AutoCloseable {
  private final Path dir;

  private ScratchMount(Path dir) {
    this.dir = dir;
  }

  /**
   * Mounts {@code type} with {@code options} on a new directory {@code name} under {@code parent}.
   */
  public static ScratchMount of(Path parent, String name, String type, String options)
      throws IOException, InterruptedException {
    Path dir = Files.createDirectory(parent.resolve(name));
    int exit = run(List.of("mount", "-t", type, "-o", options, type, dir.toString()));
    assumeThat(exit).as("mount -t %s (needs root)", type).isZero();
    return new ScratchMount(dir);
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (run(List.of("umount", dir.toString())) != 0) {
      run(List.of("umount", "-l", dir.toString())); // busy: detach now, free when unused
    }
    Files.deleteIfExists(dir);
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return -1; // no mount binary: treated like a refused mount
    }
    p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
