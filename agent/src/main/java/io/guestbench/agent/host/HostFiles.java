package io.guestbench.agent.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads host files such as {@code /proc/stat} below one root directory: {@code /} in production, a
 * fixture tree in tests or a mounted host directory in a container. Reads never throw.
 */
public final class HostFiles {
  /** Larger files are refused: nothing the agent reads from /proc or /sys is near this size. */
  public static final int MAX_BYTES = 1 << 20;

  /** Longer listings are cut: a host with more block or PCI devices than this is not our case. */
  public static final int MAX_ENTRIES = 4096;

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

  /**
   * The sorted names in the host directory at {@code absoluteDir}, at most {@link #MAX_ENTRIES};
   * empty when it is missing, not a directory or unreadable.
   */
  public List<String> list(String absoluteDir) {
    Optional<Path> dir = resolve(absoluteDir);
    if (dir.isEmpty()) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir.get())) {
      return entries.map(p -> p.getFileName().toString()).sorted().limit(MAX_ENTRIES).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** Whether {@code absolutePath} is a directory on the host, following symbolic links. */
  public boolean isDirectory(String absolutePath) {
    return resolve(absolutePath).map(Files::isDirectory).orElse(false);
  }

  /**
   * The last element of the target of the symbolic link at {@code absolutePath}, for example {@code
   * vbd} for {@code /sys/block/xvda/device/driver}; empty when it is not a readable link. Only the
   * link itself is read, so a target outside the root (or a dangling one) is harmless.
   */
  public Optional<String> linkTargetName(String absolutePath) {
    Optional<Path> link = resolve(absolutePath);
    if (link.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path name = Files.readSymbolicLink(link.get()).getFileName();
      return name == null ? Optional.empty() : Optional.of(name.toString());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
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
