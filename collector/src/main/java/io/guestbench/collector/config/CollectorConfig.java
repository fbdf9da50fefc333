package io.guestbench.collector.config;

import io.guestbench.collector.ingest.IngestLimits;
import io.guestbench.collector.metrics.SeriesLimits;
import io.guestbench.collector.schedule.ScheduleConfig;
import io.guestbench.collector.security.ServerSecurity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The collector's validated configuration.
 *
 * @param bind address both servers listen on
 * @param grpcPort agent ingest port; 0 picks a free one
 * @param httpPort metrics and health port; 0 picks a free one
 * @param collectorId this replica's name, sent to agents
 * @param security TLS and agent authentication, or plaintext chosen explicitly
 * @param ingest what one agent stream may send
 * @param series how many probe series agents may create, each and together
 * @param agentTtl how long a departed agent's series stay exposed
 * @param shutdownGrace how long an orderly shutdown may take
 * @param schedule whether and how the collector pairs agents for network tests
 * @param journal where acknowledged batches are kept durably
 * @param pricesFile the imported price table ({@code prices.file}; by default {@code prices.json}
 *     beside the journal's directory)
 */
public record CollectorConfig(
    String bind,
    int grpcPort,
    int httpPort,
    String collectorId,
    ServerSecurity security,
    IngestLimits ingest,
    SeriesLimits series,
    Duration agentTtl,
    Duration shutdownGrace,
    ScheduleConfig schedule,
    JournalConfig journal,
    Path pricesFile) {
  public CollectorConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(collectorId, "collectorId");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(pricesFile, "pricesFile");
  }

  /** Where the price table is kept unless {@code prices.file} says otherwise. */
  public static Path defaultPricesFile(Path journalDir) {
    return journalDir.resolveSibling("prices.json");
  }

  /** The same configuration with listen settings replaced from the command line. */
  public CollectorConfig listening(String newBind, Integer newGrpcPort, Integer newHttpPort) {
    return new CollectorConfig(
        newBind == null ? bind : newBind,
        newGrpcPort == null ? grpcPort : newGrpcPort,
        newHttpPort == null ? httpPort : newHttpPort,
        collectorId,
        security,
        ingest,
        series,
        agentTtl,
        shutdownGrace,
        schedule,
        journal,
        pricesFile);
  }

  /**
   * The same configuration with the journal in {@code dir} (the command line's choice); a price
   * file kept in its default place beside the journal moves with it.
   */
  public CollectorConfig journalIn(Path dir) {
    return new CollectorConfig(
        bind,
        grpcPort,
        httpPort,
        collectorId,
        security,
        ingest,
        series,
        agentTtl,
        shutdownGrace,
        schedule,
        journal.in(dir),
        pricesFile.equals(defaultPricesFile(journal.dir())) ? defaultPricesFile(dir) : pricesFile);
  }
}
