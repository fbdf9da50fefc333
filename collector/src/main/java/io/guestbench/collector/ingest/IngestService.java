package io.guestbench.collector.ingest;

import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.security.Identity;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.AgentMessageView;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.CollectorServiceGrpc;

/**
 * The gRPC ingest endpoint: one {@link AgentSession} per agent stream. Connect is bound with {@code
 * AgentMessageView} as its request type, wire-identical to {@code AgentMessage}, so each result's
 * bytes stay as the agent sent them and the journal appends them without encoding them again.
 */
public final class IngestService implements BindableService {
  /** CollectorService.Connect as agents call it, reading requests as views. */
  static final MethodDescriptor<AgentMessageView, CollectorMessage> CONNECT =
      CollectorServiceGrpc.getConnectMethod().toBuilder(
              ProtoUtils.marshaller(AgentMessageView.getDefaultInstance()),
              ProtoUtils.marshaller(CollectorMessage.getDefaultInstance()))
          .build();

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
  public ServerServiceDefinition bindService() {
    ServiceDescriptor generated = CollectorServiceGrpc.getServiceDescriptor();
    return ServerServiceDefinition.builder(
            ServiceDescriptor.newBuilder(generated.getName())
                .setSchemaDescriptor(generated.getSchemaDescriptor())
                .addMethod(CONNECT)
                .build())
        .addMethod(CONNECT, ServerCalls.asyncBidiStreamingCall(this::connect))
        .build();
  }

  private StreamObserver<AgentMessageView> connect(StreamObserver<CollectorMessage> responses) {
    context.counters().streamOpened();
    return new AgentSession(
        (ServerCallStreamObserver<CollectorMessage>) responses, context, Identity.CURRENT.get());
  }
}
