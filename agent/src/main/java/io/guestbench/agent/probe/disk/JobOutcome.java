package io.guestbench.agent.probe.disk;

import java.util.Objects;

/** How a disk job ended: measured, or not run and why, in one line. */
public sealed interface JobOutcome {

  /** The job ran; its report says whether an error stopped it early. */
  record Completed(JobReport report) implements JobOutcome {
    public Completed {
      Objects.requireNonNull(report, "report");
    }
  }

  /** Bad input or an unsuitable place (a full disk, tmpfs, a device without the flag). */
  record Refused(String message) implements JobOutcome {
    public Refused {
      Objects.requireNonNull(message, "message");
    }
  }

  /** The system failed where it should have worked, for example an I/O error while laying out. */
  record Failed(String message) implements JobOutcome {
    public Failed {
      Objects.requireNonNull(message, "message");
    }
  }

  /** This machine cannot run the probe at all, for example an architecture it has no ABI for. */
  record Unsupported(String message) implements JobOutcome {
    public Unsupported {
      Objects.requireNonNull(message, "message");
    }
  }
}
