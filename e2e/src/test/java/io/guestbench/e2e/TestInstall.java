package io.guestbench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An install by install.sh below one temporary root, with the flags a non-root test install takes:
 * its own prefix, config, state and unit directories, and the current user instead of a new one.
 */
final class TestInstall {
  final Path root;
  final Path prefix;
  final Path etc;
  final Path state;
  final Path units;
  final String user;

  TestInstall(Path root, String user) throws IOException {
    this.root = root;
    this.prefix = root.resolve("opt/guestbench");
    this.etc = root.resolve("etc/guestbench");
    this.state = root.resolve("var/lib/guestbench");
    this.units = root.resolve("etc/systemd/system");
    this.user = user;
    Files.createDirectories(units); // install.sh writes units only into an existing directory
  }

  /** As the user running the tests. */
  TestInstall(Path root) throws IOException {
    this(root, System.getProperty("user.name"));
  }

  /** {@code bash SCRIPT <test flags> ARGS...} to completion. */
  ProcessRunner.Finished run(ProcessRunner runner, String name, Path script, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(flags());
    command.addAll(List.of(args));
    return runner.run(name, 120, command);
  }

  List<String> flags() {
    return List.of(
        "--prefix",
        prefix.toString(),
        "--etc-dir",
        etc.toString(),
        "--state-dir",
        state.toString(),
        "--unit-dir",
        units.toString(),
        "--no-user",
        "--user",
        user);
  }

  Path current() {
    return prefix.resolve("current");
  }

  UnitFile unit(String program) throws IOException {
    return UnitFile.read(units.resolve("guestbench-" + program + ".service"));
  }

  /**
   * Every entry below the root with its type, mode and, for files, size, modification time and
   * content digest; for symlinks, the target. Equal snapshots: install.sh changed nothing.
   */
  Map<String, String> snapshot() throws IOException {
    return snapshot(root);
  }

  static Map<String, String> snapshot(Path top) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        entries.put(top.relativize(p).toString(), describe(p));
      }
    }
    return entries;
  }

  private static String describe(Path p) throws IOException {
    if (Files.isSymbolicLink(p)) {
      return "-> " + Files.readSymbolicLink(p);
    }
    PosixFileAttributes a =
        Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    String mode = PosixFilePermissions.toString(a.permissions());
    if (a.isDirectory()) {
      return "dir " + mode + " " + a.owner().getName();
    }
    return "file %s %s %d %s %s"
        .formatted(mode, a.owner().getName(), a.size(), a.lastModifiedTime(), digest(p));
  }

  private static String digest(Path p) throws IOException {
    try {
      var sha = java.security.MessageDigest.getInstance("SHA-256");
      try (var in = Files.newInputStream(p)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
