package io.guestbench.collector.ingest;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.security.Identity;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.CollectorServiceGrpc;

/** The gRPC ingest endpoint: one {@link AgentSession} per agent stream. */
public final class IngestService extends CollectorServiceGrpc.CollectorServiceImplBase {
  private final IngestContext context;

  public IngestService(
      String collectorId,
      IngestLimits limits,
      ResultStore store,
      ResultMetrics metrics,
      SessionRegistry sessions,
      IngestCounters counters,
      Clock clock) {
    this.context =
        new IngestContext(
            collectorId,
            limits,
            store,
            metrics,
            new BatchCheck(metrics, limits.maxResultsPerBatch()),
            sessions,
            counters,
            () -> new ResultRate(clock, limits.resultsPerSecond(), limits.resultsBurst()));
  }

  @Override
  public StreamObserver<AgentMessage> connect(StreamObserver<CollectorMessage> responses) {
    context.counters().streamOpened();
    return new AgentSession(
        (ServerCallStreamObserver<CollectorMessage>) responses, context, Identity.CURRENT.get());
  }
}
