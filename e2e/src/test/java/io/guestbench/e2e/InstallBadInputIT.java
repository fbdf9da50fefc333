package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** install.sh given bad input: one clear line, the right exit code, and nothing installed. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InstallBadInputIT extends InstallerTest {
  @Test
  void aMissingReleaseIsOneLine() throws Exception {
    Map<String, String> before = install.snapshot();
    Path missing = dir.resolve("guestbench-1.0.0.tar.gz");
    var result = install.run(runner, "missing", installer, missing.toString());
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err().strip()).isEqualTo("install.sh: no such release: " + missing);
    assertThat(install.snapshot()).isEqualTo(before);
  }

  @Test
  void aTruncatedOrForeignTarballInstallsNothing() throws Exception {
    byte[] bytes = Files.readAllBytes(release.file());
    Path truncated = dir.resolve("truncated.tar.gz");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    var result = install.run(runner, "truncated", installer, truncated.toString());
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err().strip())
        .isEqualTo(
            "install.sh: cannot unpack %s: not a complete release tarball".formatted(truncated)
                + " (gzip: stdin: unexpected end of file)");
    assertNothingInstalled();

    Path foreign = dir.resolve("foreign.tar.gz");
    Files.writeString(dir.resolve("notes.txt"), "not a release\n");
    runner.run(
        "pack", 30, List.of("tar", "-czf", foreign.toString(), "-C", dir.toString(), "notes.txt"));
    var other = install.run(runner, "foreign", installer, foreign.toString());
    assertThat(other.exit()).isEqualTo(1);
    assertThat(other.err().strip())
        .isEqualTo(
            "install.sh: %s is not a guestbench release (expected one top directory guestbench-VERSION/)"
                .formatted(foreign));
    assertNothingInstalled();
  }

  @Test
  void aDamagedJarInAnUnpackedReleaseIsRefused() throws Exception {
    Path unpacked = release.unpack(dir.resolve("damaged"));
    Path jar = unpacked.resolve("lib/guestbench-collector.jar");
    byte[] bytes = Files.readAllBytes(jar);
    Files.write(jar, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    var result = install.run(runner, "damaged", installer, unpacked.toString());
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err().strip())
        .isEqualTo(
            "install.sh: %s: lib/guestbench-collector.jar is damaged (truncated jar)"
                .formatted(unpacked));
    assertNothingInstalled();
  }

  @Test
  void withoutRootTheSystemDirectoriesAreRefused() throws Exception {
    // As root, the check runs as nobody (setpriv); never as root with the system directories.
    List<String> command = new ArrayList<>();
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      assertThat(Path.of("/usr/bin/setpriv")).as("setpriv (util-linux)").isExecutable();
      command.addAll(
          List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    // The script comes on stdin, so nobody needs no access to the test's private directory.
    command.addAll(List.of("bash", "-s", "--", release.file().toString()));
    Process p =
        new ProcessBuilder(command)
            .directory(Path.of("/").toFile())
            .redirectInput(installer.toFile())
            .redirectOutput(dir.resolve("notroot.out").toFile())
            .redirectError(dir.resolve("notroot.err").toFile())
            .start();
    var result = runner.await("notroot", p, 60);
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err().strip())
        .matches(
            "install\\.sh: not root: installing into the system directories needs root; as \\S+"
                + " give --prefix --etc-dir --state-dir --unit-dir \\(a test install\\)");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnknownOptionIsAUsageError() throws Exception {
    var result = install.run(runner, "usage", installer, "--colour", release.file().toString());
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo("install.sh: unknown option '--colour' (see install.sh --help)");
    var help = runner.run("help", 30, List.of("bash", installer.toString(), "--help"));
    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("usage: install.sh [options] [RELEASE]");
  }

  @Test
  void aFailureHalfwayThroughAnUpgradeRollsEverythingBack() throws Exception {
    var first = install.run(runner, "install", installer, release.file().toString());
    assertThat(first.exit()).as("install.sh: %s", first.err()).isZero();
    Files.writeString(install.state.resolve("agent/spooled.seg"), "a spooled batch");
    // A directory where the collector's unit goes: the upgrade fails after it has unpacked the
    // new release, written a new default config and before it switches current.
    Path unit = install.units.resolve("guestbench-collector.service");
    Files.delete(unit);
    Files.createDirectory(unit);
    Map<String, String> before = install.snapshot();

    ReleaseTarball newer = release.repack(dir, "99.0.0", "a changed default");
    var upgrade = install.run(runner, "upgrade", installer, newer.file().toString());
    assertThat(upgrade.exit()).isEqualTo(1);
    assertThat(upgrade.err().strip().lines())
        .containsExactly(
            "install.sh: cannot replace %s (not a regular file?)".formatted(unit),
            "install.sh: rolled back; nothing changed");
    assertThat(install.snapshot()).isEqualTo(before);
    assertThat(Files.readSymbolicLink(install.current())).isEqualTo(Path.of(release.version()));
  }

  @Test
  void whatAKilledRunLeftIsClearedByTheNext() throws Exception {
    var first = install.run(runner, "install", installer, release.file().toString());
    assertThat(first.exit()).as("install.sh: %s", first.err()).isZero();
    // SIGKILL skips the rollback: a staging directory and a half-made symlink stay behind.
    Path staging = install.prefix.resolve(".install.Xk3Ld9/guestbench-" + release.version());
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("VERSION"), release.version());
    Files.createSymbolicLink(install.prefix.resolve(".current.4242"), Path.of("nowhere"));

    var again = install.run(runner, "again", installer, release.file().toString());
    assertThat(again.exit()).as("install.sh: %s", again.err()).isZero();
    try (var left = Files.list(install.prefix)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(".install.lock", release.version(), "current");
    }
  }

  private void assertNothingInstalled() throws Exception {
    assertThat(install.etc).doesNotExist();
    assertThat(install.state).doesNotExist();
    assertThat(install.units).isEmptyDirectory();
    try (var left = Files.list(install.prefix)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("only the installer's lock file")
          .containsExactly(".install.lock");
    }
  }
}
