package io.guestbench.collector.ingest;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.proto.v1.Ack;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.Drain;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.Nack;
import io.guestbench.proto.v1.Welcome;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One agent stream on the collector: Hello first, then batches that are checked, deduplicated,
 * stored and acknowledged in order. gRPC delivers one message at a time per stream, and the next is
 * requested only after this one is handled, so a fast agent cannot queue without bound.
 */
final class AgentSession implements StreamObserver<AgentMessage> {
  private static final Logger log = Logger.getLogger(AgentSession.class.getName());

  private final ServerCallStreamObserver<CollectorMessage> responses;
  private final IngestContext context;
  private AgentKey key;
  private AgentLabels labels;
  private boolean closed;

  AgentSession(ServerCallStreamObserver<CollectorMessage> responses, IngestContext context) {
    this.responses = responses;
    this.context = context;
    responses.disableAutoRequest();
    responses.setOnCancelHandler(this::closed);
    responses.request(1);
  }

  @Override
  public void onNext(AgentMessage message) {
    try {
      switch (message.getKindCase()) {
        case HELLO -> onHello(message.getHello());
        case BATCH -> onBatch(message.getBatch());
        case HEARTBEAT, GOODBYE -> requireHello();
        case KIND_NOT_SET -> fail("empty_message", "message with no kind");
      }
    } finally {
      if (!closed) {
        responses.request(1);
      }
    }
  }

  @Override
  public void onError(Throwable t) {
    closed();
  }

  @Override
  public void onCompleted() {
    closed();
    if (!responses.isCancelled()) {
      responses.onCompleted();
    }
  }

  /** Asks the agent to reconnect elsewhere; used when the collector shuts down. */
  synchronized void drain(String reason) {
    if (!closed && key != null) {
      send(CollectorMessage.newBuilder().setDrain(Drain.newBuilder().setReason(reason)).build());
    }
  }

  /** Ends this stream because a newer one for the same agent took over. */
  synchronized void replaced() {
    fail(Status.ABORTED, "replaced", "a newer stream for agent " + key.agentId() + " took over");
  }

  private void onHello(Hello hello) {
    if (key != null) {
      fail("second_hello", "Hello sent twice");
      return;
    }
    Optional<String> problem = HelloCheck.problem(hello);
    if (problem.isPresent()) {
      fail("bad_hello", problem.get());
      return;
    }
    key = new AgentKey(hello.getAgentId(), hello.getEpoch());
    labels = HelloCheck.labels(hello);
    context.sessions().register(key.agentId(), this);
    context.metrics().agentConnected(labels, HelloCheck.infoFacts(hello));
    send(
        CollectorMessage.newBuilder()
            .setWelcome(
                Welcome.newBuilder()
                    .setHighestStoredSeq(context.store().highestStored(key))
                    .setCollectorId(context.collectorId())
                    .setMaxBatchBytes(context.maxMessageBytes()))
            .build());
  }

  private void onBatch(Batch batch) {
    if (!requireHello()) {
      return;
    }
    BatchCheck.Verdict verdict = context.batchCheck().check(batch);
    verdict.rejected().forEach((reason, n) -> context.counters().rejected(reason, n));
    if (verdict.accepted().isEmpty()) {
      context.counters().batch("rejected");
      send(nack(batch.getSeq(), verdict.summaryReason(), verdict.detail()));
      return;
    }
    boolean fresh = context.store().store(key, batch.getSeq(), labels, verdict.accepted());
    context.counters().batch(fresh ? "stored" : "duplicate");
    if (fresh) {
      context.counters().resultsStored(verdict.accepted().size());
    }
    send(CollectorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(batch.getSeq())).build());
  }

  private boolean requireHello() {
    if (key == null) {
      fail("no_hello", "the first message must be a Hello");
      return false;
    }
    return true;
  }

  private static CollectorMessage nack(long seq, String reason, String detail) {
    return CollectorMessage.newBuilder()
        .setNack(
            Nack.newBuilder().setSeq(seq).setReason(reason).setRetryable(false).setDetail(detail))
        .build();
  }

  private void fail(String reason, String description) {
    fail(Status.INVALID_ARGUMENT, reason, description);
  }

  private synchronized void fail(Status status, String reason, String description) {
    if (closed) {
      return;
    }
    context.counters().rejected(reason, 1);
    log.fine(() -> "closing stream: " + description);
    closed();
    responses.onError(status.withDescription(description).asRuntimeException());
  }

  private synchronized void send(CollectorMessage message) {
    if (!closed) {
      responses.onNext(message);
    }
  }

  private synchronized void closed() {
    if (closed) {
      return;
    }
    closed = true;
    context.counters().streamClosed();
    if (key != null && context.sessions().unregister(key.agentId(), this)) {
      context.metrics().agentDisconnected(key.agentId());
    }
  }
}
