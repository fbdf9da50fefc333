package io.guestbench.agent.probe.disk;

import java.util.Objects;

/** What the safety checks decided: a file to work on, or why not, in one line. */
sealed interface Setup {

  /** Open and checked; {@link DiskFile#owned()} tells whether it still has to be laid out. */
  record Ready(DiskFile file, String note) implements Setup {
    public Ready {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(note, "note");
    }
  }

  /** Bad input or an unsuitable place: the user has to change a parameter. */
  record Refused(String message) implements Setup {
    public Refused {
      Objects.requireNonNull(message, "message");
    }
  }

  /** The system failed where it should have worked, for example an I/O error on open. */
  record Failed(String message) implements Setup {
    public Failed {
      Objects.requireNonNull(message, "message");
    }
  }
}
