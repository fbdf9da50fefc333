package io.guestbench.agent.probe.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What the safety checks ask the host about paths before anything is opened; an interface so tests
 * can present a block device or a full disk without having one.
 */
public interface Filesystem {

  /** What a path is. */
  enum Kind {
    MISSING,
    DIRECTORY,
    REGULAR,
    BLOCK_DEVICE,
    OTHER
  }

  /** What {@code path} is, following symbolic links (devices are often reached through them). */
  Kind kind(Path path);

  /** Whether the current user may create files in {@code directory}; false on a read-only mount. */
  boolean writable(Path directory);

  /** Bytes this user may still write on the file system holding {@code directory}. */
  long usableBytes(Path directory) throws IOException;

  /**
   * The type of the file system holding {@code path}, for example {@code ext4}; empty if unknown.
   */
  String type(Path path);

  /** The host's file systems, through {@link Files}. */
  Filesystem HOST =
      new Filesystem() {
        private static final int S_IFMT = 0170000;
        private static final int S_IFBLK = 0060000;

        @Override
        public Kind kind(Path path) {
          try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (a.isDirectory()) {
              return Kind.DIRECTORY;
            } else if (a.isRegularFile()) {
              return Kind.REGULAR;
            }
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return (mode & S_IFMT) == S_IFBLK ? Kind.BLOCK_DEVICE : Kind.OTHER;
          } catch (IOException | UnsupportedOperationException e) {
            return Files.exists(path) ? Kind.OTHER : Kind.MISSING;
          }
        }

        @Override
        public boolean writable(Path directory) {
          return Files.isWritable(directory); // access(W_OK): EROFS counts, even for root
        }

        @Override
        public long usableBytes(Path directory) throws IOException {
          return Files.getFileStore(directory).getUsableSpace();
        }

        @Override
        public String type(Path path) {
          try {
            return Files.getFileStore(path).type();
          } catch (IOException e) {
            return "";
          }
        }
      };
}
