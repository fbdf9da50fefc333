package io.guestbench.common.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Checks on the files that hold certificates, keys and tokens. Each check answers with the
 * expectation a config problem prints, or nothing when the file is fine.
 */
public final class CredentialFiles {
  private CredentialFiles() {}

  /** A certificate file: present, a regular file, readable. */
  public static Optional<String> certificateProblem(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.of("an existing PEM file; there is no such file");
    }
    if (!Files.isReadable(file)) {
      return Optional.of("a PEM file this user can read; permission denied");
    }
    return Optional.empty();
  }

  /**
   * A key or token file: as a certificate, and not readable by everyone, since anyone on the host
   * could then act as this agent or collector.
   */
  public static Optional<String> secretProblem(Path file) {
    Optional<String> basic = certificateProblem(file);
    if (basic.isPresent()) {
      return basic.map(p -> p.replace("PEM file", "file"));
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (mode.contains(PosixFilePermission.OTHERS_READ)) {
        return Optional.of("a file others cannot read; it is world-readable (chmod 600 it)");
      }
    } catch (UnsupportedOperationException | IOException e) {
      return Optional.of("a file whose permissions can be checked: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** The trimmed content of a secret file already checked with {@link #secretProblem}. */
  public static Secret readSecret(Path file) throws IOException {
    return new Secret(Files.readString(file, StandardCharsets.UTF_8).strip());
  }
}
