package io.guestbench.agent.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads host files such as {@code /proc/stat} below one root directory: {@code /} in production, a
 * fixture tree in tests or a mounted host directory in a container. Reads never throw.
 */
public final class HostFiles {
  /** Larger files are refused: nothing the agent reads from /proc or /sys is near this size. */
  public static final int MAX_BYTES = 1 << 20;

  private final Path root;

  public HostFiles(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  /** The directory host paths are resolved against. */
  public Path root() {
    return root;
  }

  /** The text of the host file at {@code absolutePath}, or empty when it cannot be read. */
  public Optional<String> read(String absolutePath) {
    return readFile(absolutePath).content();
  }

  /** The text of the host file at {@code absolutePath}, or the reason it cannot be read. */
  public HostFile readFile(String absolutePath) {
    Optional<Path> file = resolve(absolutePath);
    if (file.isEmpty()) {
      return HostFile.unreadable(
          String.valueOf(absolutePath), "not an absolute path inside the host root");
    }
    // Sizes under /proc and /sys read as 0 or 4096, so the bound is enforced while reading.
    try (InputStream in = Files.newInputStream(file.get())) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        return HostFile.unreadable(absolutePath, "larger than " + MAX_BYTES + " bytes");
      }
      return HostFile.of(absolutePath, new String(bytes, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return HostFile.unreadable(absolutePath, "missing");
    } catch (AccessDeniedException e) {
      return HostFile.unreadable(absolutePath, "permission denied");
    } catch (IOException | RuntimeException e) {
      return HostFile.unreadable(absolutePath, describe(e));
    }
  }

  /** The file for a host path, refusing relative paths and any that would escape the root. */
  private Optional<Path> resolve(String absolutePath) {
    if (absolutePath == null || !absolutePath.startsWith("/")) {
      return Optional.empty();
    }
    try {
      Path file = root.resolve(absolutePath.substring(1)).normalize();
      return file.startsWith(root) ? Optional.of(file) : Optional.empty();
    } catch (RuntimeException e) { // InvalidPathException, for example a NUL character
      return Optional.empty();
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.replaceAll("\\s+", " ");
  }
}
