package io.guestbench.collector.report;

import java.nio.file.Path;

/** Lets tests in other packages write the report test journal. */
public final class ReportJournalAccess {
  private ReportJournalAccess() {}

  public static void write(Path dir, int runs, double pvSpeed, int pvErrors) throws Exception {
    ReportJournal.write(dir, runs, pvSpeed, pvErrors);
  }
}
