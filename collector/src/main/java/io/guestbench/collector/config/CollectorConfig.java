package io.guestbench.collector.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The collector's validated configuration.
 *
 * @param bind address both servers listen on
 * @param grpcPort agent ingest port; 0 picks a free one
 * @param httpPort metrics and health port; 0 picks a free one
 * @param collectorId this replica's name, sent to agents
 * @param maxMessageBytes largest gRPC message accepted
 * @param maxResultsPerBatch results one batch may carry
 * @param agentTtl how long a departed agent's series stay exposed
 * @param shutdownGrace how long an orderly shutdown may take
 */
public record CollectorConfig(
    String bind,
    int grpcPort,
    int httpPort,
    String collectorId,
    int maxMessageBytes,
    int maxResultsPerBatch,
    Duration agentTtl,
    Duration shutdownGrace) {
  public CollectorConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(collectorId, "collectorId");
  }

  /** The same configuration with listen settings replaced from the command line. */
  public CollectorConfig listening(String newBind, Integer newGrpcPort, Integer newHttpPort) {
    return new CollectorConfig(
        newBind == null ? bind : newBind,
        newGrpcPort == null ? grpcPort : newGrpcPort,
        newHttpPort == null ? httpPort : newHttpPort,
        collectorId,
        maxMessageBytes,
        maxResultsPerBatch,
        agentTtl,
        shutdownGrace);
  }
}
