package io.guestbench.agent.ship.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps {@link SpoolState} in two slots of one file, written alternately in place and fsynced. A
 * torn write spoils only the slot being written, so the other still holds the previous state; and
 * overwriting blocks the file already has works on a full disk, where creating a file does not.
 * When the file cannot be opened at all it is retried on the next write.
 */
final class StateFile {
  static final String NAME = "spool.state";
  private static final int SLOT = 512;
  private static final Logger log = Logger.getLogger(StateFile.class.getName());

  private final Storage storage;
  private final Path path;
  private final FsyncTimer fsyncs;
  private SpoolFile file;
  private Optional<SpoolState> current = Optional.empty();

  StateFile(Storage storage, Path dir, FsyncTimer fsyncs) {
    this.storage = storage;
    this.path = dir.resolve(NAME);
    this.fsyncs = fsyncs;
  }

  /** Reads the newest intact state; a file that cannot be read counts as no state. */
  void load() {
    try {
      file = storage.open(path);
      Optional<SpoolState> a = slot(0);
      Optional<SpoolState> b = slot(1);
      current =
          a.isPresent() && b.isPresent()
              ? Optional.of(a.get().generation() >= b.get().generation() ? a.get() : b.get())
              : a.or(() -> b);
    } catch (IOException e) {
      log.warning("spool: cannot read " + path + " (" + e + "); starting without it");
    }
  }

  /** The newest intact state, or empty when there is none. */
  Optional<SpoolState> current() {
    return current;
  }

  /** Writes {@code state} over the older slot and fsyncs it. */
  void write(SpoolState state) throws IOException {
    if (file == null) {
      file = storage.open(path);
    }
    int slot = (int) (state.generation() & 1);
    file.write(ByteBuffer.wrap(state.encode()), (long) slot * SLOT);
    fsyncs.force(file);
    current = Optional.of(state);
  }

  void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }

  private Optional<SpoolState> slot(int slot) throws IOException {
    if (file.size() < (long) slot * SLOT + SpoolState.BYTES) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.allocate(SpoolState.BYTES);
    file.read(b, (long) slot * SLOT);
    return SpoolState.decode(b.array());
  }
}
