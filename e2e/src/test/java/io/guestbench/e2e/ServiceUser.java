package io.guestbench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as an unprivileged user, as a service's {@code User=} would: when the tests run as
 * root, as nobody (uid 65534) with group nogroup (65534) standing in for the service's group;
 * otherwise as the current user, who is unprivileged already.
 */
final class ServiceUser {
  private static final String NOBODY = "65534";

  private ServiceUser() {}

  static boolean root() throws Exception {
    return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
  }

  /** The command, run as the unprivileged user. */
  static List<String> command(List<String> command) throws Exception {
    if (!root()) {
      return command;
    }
    List<String> all =
        new ArrayList<>(
            List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    all.addAll(command);
    return all;
  }

  /**
   * Gives every file below {@code base} to the stand-in group, as cloud-init's root:guestbench
   * owner gives them to the service's group, and lets the user through the directories.
   */
  static void handOver(Path base) throws Exception {
    if (root()) {
      run("chgrp", "-R", NOBODY, base.toString());
    }
    try (var paths = Files.walk(base)) {
      for (Path p : paths.filter(Files::isDirectory).toList()) {
        openDirectory(p);
      }
    }
  }

  /** Lets anyone through (not list) the directory, as /etc and its subdirectories are. */
  static void openDirectory(Path dir) throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + out);
    }
  }
}
