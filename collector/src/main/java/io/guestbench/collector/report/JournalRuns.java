package io.guestbench.collector.report;

import io.guestbench.collector.compare.Run;
import io.guestbench.collector.journal.JournalReader;
import io.guestbench.collector.journal.StoredBatch;
import io.guestbench.collector.metrics.ComparableValues;
import io.guestbench.proto.v1.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the runs a report compares from the collector's journal: every stored result of a probe the
 * catalogue knows, with the labels its agent had when the batch was stored.
 */
public final class JournalRuns {
  /**
   * @param runs the runs read, in journal order
   * @param unknownProbes results of probes this collector's catalogue does not know, skipped
   * @param damaged journal frames that could not be read, skipped
   */
  public record Read(List<RunRecord> runs, long unknownProbes, long damaged) {}

  private final ComparableValues values = ComparableValues.standard();

  /** The runs stored at or after {@code since}; a missing journal directory is an error. */
  public Read read(Path journalDir, Optional<Instant> since) throws IOException {
    if (!Files.isDirectory(journalDir)) {
      throw new IOException(
          "journal directory "
              + journalDir
              + " does not exist (expected: the collector's"
              + " --journal-dir, default /var/lib/guestbench/journal)");
    }
    List<RunRecord> runs = new ArrayList<>();
    long unknown = 0;
    try (JournalReader reader = JournalReader.open(journalDir)) {
      since.ifPresent(t -> reader.since(t.getEpochSecond() * 1_000_000_000L + t.getNano()));
      for (StoredBatch batch : reader) {
        Map<String, String> labels = labels(batch);
        for (ProbeResult r : batch.results()) {
          Optional<String> config = values.config(r);
          if (config.isEmpty()) {
            unknown++;
            continue;
          }
          runs.add(
              new RunRecord(
                  run(batch, labels, r),
                  config.get(),
                  r.getStatus(),
                  values.of(r),
                  batch.agent().connectedUnixNano()));
        }
      }
      return new Read(runs, unknown, reader.corrupt());
    }
  }

  private static Run run(StoredBatch batch, Map<String, String> labels, ProbeResult r) {
    long start = r.getStartTimeUnixNano();
    return new Run(
        batch.key().agentId(),
        Instant.ofEpochSecond(start / 1_000_000_000L, start % 1_000_000_000L),
        batch.labels().instanceType(),
        batch.groupLabels().getOrDefault("availability_zone", ""),
        r.getProbeVersion(),
        r.getStealRatio() >= 0 ? OptionalDouble.of(r.getStealRatio()) : OptionalDouble.empty(),
        labels);
  }

  /** Every label of the batch's agent but those a Run holds as fields. */
  private static Map<String, String> labels(StoredBatch batch) {
    Map<String, String> labels = new HashMap<>(batch.groupLabels());
    labels.keySet().removeAll(java.util.Set.of("agent_id", "instance_type"));
    return labels;
  }
}
