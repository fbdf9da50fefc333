package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The release tarball the dist module built, and variants of it re-packed with tar. */
record ReleaseTarball(Path file, String version) {
  private static final Pattern NAME = Pattern.compile("guestbench-(.+)\\.tar\\.gz");

  static ReleaseTarball built() {
    String property = System.getProperty("guestbench.dist.tarball");
    if (property == null || !Files.isRegularFile(Path.of(property))) {
      throw new IllegalStateException(
          "guestbench.dist.tarball does not name a built tarball (mvn package -pl dist): "
              + property);
    }
    Path file = Path.of(property);
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalStateException("not a release tarball name: " + file);
    }
    return new ReleaseTarball(file, m.group(1));
  }

  /** Unpacks into {@code dir}; returns the release directory {@code dir/guestbench-VERSION}. */
  Path unpack(Path dir) throws Exception {
    Files.createDirectories(dir);
    tar("-xzf", file.toString(), "-C", dir.toString());
    return dir.resolve("guestbench-" + version);
  }

  /**
   * The same release as {@code version}, with {@code agentDefaultComment} appended to its default
   * agent config (a changed default), packed as {@code dir/guestbench-VERSION.tar.gz}.
   */
  ReleaseTarball repack(Path dir, String newVersion, String agentDefaultComment) throws Exception {
    Path work = dir.resolve("repack-" + newVersion);
    Path release = unpack(work);
    Path renamed = work.resolve("guestbench-" + newVersion);
    Files.move(release, renamed);
    Files.writeString(renamed.resolve("VERSION"), newVersion + "\n");
    Files.writeString(
        renamed.resolve("etc/agent.yaml"),
        Files.readString(renamed.resolve("etc/agent.yaml")) + "# " + agentDefaultComment + "\n");
    Path out = dir.resolve("guestbench-" + newVersion + ".tar.gz");
    tar("-czf", out.toString(), "-C", work.toString(), "guestbench-" + newVersion);
    return new ReleaseTarball(out, newVersion);
  }

  private static void tar(String... args) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(Stream.concat(Stream.of("tar"), Stream.of(args)).toList())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("tar finished").isTrue();
    assertThat(p.exitValue()).as("tar %s: %s", List.of(args), output).isZero();
  }
}
