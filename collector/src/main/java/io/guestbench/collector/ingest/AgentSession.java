package io.guestbench.collector.ingest;

import static io.guestbench.collector.ingest.StoreOutcome.FAILED;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.security.Identity;
import io.guestbench.proto.v1.AgentMessageView;
import io.guestbench.proto.v1.BatchView;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.Command;
import io.guestbench.proto.v1.Drain;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.Welcome;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One agent stream on the collector: Hello first, then batches that are checked, handed to the
 * store and acknowledged in arrival order once durable. gRPC delivers one message at a time per
 * stream; the next is requested while fewer than {@link #MAX_WAITING} batches await the store, so a
 * fast agent cannot queue without bound, and while the store has room ({@link
 * ResultStore#hasRoom}), so agents slow down when the journal falls behind.
 */
final class AgentSession implements StreamObserver<AgentMessageView> {
  private static final Logger log = Logger.getLogger(AgentSession.class.getName());

  /**
   * Batches of one stream that may wait for the store before the session stops asking gRPC for
   * more; agents keep far fewer in flight (16 by default), so this bounds only a misbehaving one.
   */
  static final int MAX_WAITING = 256;

  private final ServerCallStreamObserver<CollectorMessage> responses;
  private final IngestContext context;
  private final Identity identity;
  private final ResultRate rate;
  private AgentKey key;
  private AgentLabels labels;
  private String peerAddress = "";
  private final AckOrder order = new AckOrder();
  private final SessionLock lock = new SessionLock();
  private boolean closed;
  private boolean welcomed;
  private boolean halfClosed;
  private boolean paused;
  private boolean refusing;

  AgentSession(
      ServerCallStreamObserver<CollectorMessage> responses,
      IngestContext context,
      Identity identity) {
    this.responses = responses;
    this.context = context;
    this.identity = identity;
    this.rate = context.rates().get();
    responses.disableAutoRequest();
    responses.setOnCancelHandler(this::closed);
    responses.request(1);
  }

  @Override
  public void onNext(AgentMessageView message) {
    try {
      switch (message.getKindCase()) {
        case HELLO -> onHello(message.getHello());
        case BATCH -> onBatch(message.getBatch());
        case HEARTBEAT -> {
          if (requireHello()) {
            context.metrics().heartbeat(labels, message.getHeartbeat());
          }
        }
        case GOODBYE -> requireHello();
        case KIND_NOT_SET -> fail("empty_message", "message with no kind");
      }
    } finally {
      requestNext();
    }
  }

  @Override
  public void onError(Throwable t) {
    closed();
  }

  /** The agent half-closed: answer what is still waiting for the store, then complete. */
  @Override
  public void onCompleted() {
    lock.run(
        () -> {
          halfClosed = true;
          if (order.waiting() == 0) {
            finish();
          }
        });
  }

  private void finish() {
    if (closed) {
      return;
    }
    closedLocked();
    if (!responses.isCancelled()) {
      responses.onCompleted();
    }
  }

  /** Asks the agent to reconnect elsewhere; used when the collector shuts down. */
  void drain(String reason) {
    lock.run(
        () -> {
          if (!closed && welcomed) {
            send(
                CollectorMessage.newBuilder()
                    .setDrain(Drain.newBuilder().setReason(reason))
                    .build());
          }
        });
  }

  /** Sends a command to the agent; false when the stream is closed or not yet welcomed. */
  boolean command(Command command) {
    return lock.get(
        () -> {
          if (closed || !welcomed) {
            return false;
          }
          send(CollectorMessage.newBuilder().setCommand(command).build());
          return true;
        });
  }

  /** This agent as the scheduler sees it; empty before its Hello. */
  Optional<ConnectedAgent> connected() {
    return lock.get(
        () ->
            !welcomed || labels == null || closed
                ? Optional.empty()
                : Optional.of(
                    new ConnectedAgent(
                        key.agentId(), labels.experiment(), peerAddress, this::command)));
  }

  /** Ends this stream because a newer one for the same agent took over. */
  void replaced() {
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
    if (!identity.permits(hello.getAgentId())) {
      fail(
          Status.PERMISSION_DENIED,
          "wrong_agent_id",
          "agent_id "
              + hello.getAgentId()
              + " is not allowed by this stream's "
              + identity.describe());
      return;
    }
    key = new AgentKey(hello.getAgentId(), hello.getEpoch());
    labels = HelloCheck.labels(hello);
    peerAddress = hello.getPeerAddress();
    context.sessions().register(key.agentId(), this);
    context.metrics().agentConnected(labels, HelloCheck.infoFacts(hello));
    context.store().described(key, hello);
    // After register(): the agent's previous stream, replaced there, hands the store nothing more.
    context
        .store()
        .highestSettled(key)
        .thenAccept(highest -> lock.runOrHandOver(() -> welcome(highest)));
  }

  private void welcome(long highestStored) {
    if (closed) {
      return;
    }
    send(
        CollectorMessage.newBuilder()
            .setWelcome(
                Welcome.newBuilder()
                    .setHighestStoredSeq(highestStored)
                    .setCollectorId(context.collectorId())
                    .setMaxBatchBytes(context.limits().maxMessageBytes()))
            .build());
    welcomed = true;
  }

  /**
   * The check parses each result from its bytes and decodes and buckets every histogram of the
   * batch (about a millisecond for 50 results), so it runs outside this session's monitor: the
   * journal's callbacks that ack this stream's earlier batches do not wait for it. gRPC hands this
   * stream's messages over one at a time, so batches still enter {@link #order} in arrival order.
   */
  private void onBatch(BatchView batch) {
    if (!mayCheck(batch)) {
      return;
    }
    BatchCheck.Verdict verdict = context.batchCheck().check(labels, batch);
    checked(batch, verdict);
  }

  /**
   * Whether {@code batch} goes on to the check: a welcomed stream, not refusing, within its rate.
   */
  private boolean mayCheck(BatchView batch) {
    return lock.get(() -> mayCheckLocked(batch));
  }

  private boolean mayCheckLocked(BatchView batch) {
    if (closed || !requireHello()) {
      return false; // a replaced or cancelled stream stores nothing more (see checked())
    }
    if (refusing) {
      context.counters().batch("retry");
      return false;
    }
    if (!rate.tryTake(batch.getResultsCount())) {
      context.counters().batch("rate_limited");
      refusing = true;
      order
          .retryLater(
              batch.getSeq(), "rate_limited", "over the per-agent results rate; resend later")
          .forEach(this::send);
      return false;
    }
    return true;
  }

  private void checked(BatchView batch, BatchCheck.Verdict verdict) {
    lock.run(() -> checkedLocked(batch, verdict));
  }

  private void checkedLocked(BatchView batch, BatchCheck.Verdict verdict) {
    if (closed) {
      // Replaced or cancelled during the check: the successor's Welcome was (or is being) worked
      // out from what the store had been handed before, so this batch must not reach the store.
      return;
    }
    verdict.rejected().forEach((reason, n) -> context.counters().rejected(reason, n));
    if (verdict.accepted().isEmpty()) {
      context.counters().batch("rejected");
      order.refused(batch.getSeq(), verdict.summaryReason(), verdict.detail()).forEach(this::send);
      return;
    }
    AckOrder.Entry entry = order.add(batch.getSeq());
    int results = verdict.accepted().size();
    context
        .store()
        .store(key, batch.getSeq(), labels, verdict.accepted(), this)
        .whenComplete(
            (outcome, error) ->
                lock.runOrHandOver(() -> stored(entry, error == null ? outcome : FAILED, results)));
  }

  /**
   * The store's answer for one batch; handed over by whichever thread completed it (a journal
   * publisher, which must not wait for this stream's lock).
   */
  private void stored(AckOrder.Entry entry, StoreOutcome outcome, int results) {
    switch (outcome) {
      case STORED -> {
        context.counters().batch("stored");
        context.counters().resultsStored(results);
      }
      case DUPLICATE -> context.counters().batch("duplicate");
      case BUSY, FAILED -> {
        context.counters().batch("retry");
        refusing = true;
      }
    }
    order.stored(entry, outcome).forEach(this::send);
    if (halfClosed && order.waiting() == 0) {
      finish();
    } else {
      resume();
    }
  }

  /**
   * Asks for the next message unless too many batches of this stream await the store or the store
   * has no room; then {@link #resume} asks once that changed.
   */
  private void requestNext() {
    lock.run(this::requestNextLocked);
  }

  private void requestNextLocked() {
    if (closed) {
      return;
    }
    paused = order.waiting() >= MAX_WAITING || !context.store().hasRoom(this::resume);
    if (!paused) {
      responses.request(1);
    }
  }

  /** Called back by the store (on a journal publisher) once it has room again. */
  private void resume() {
    lock.runOrHandOver(
        () -> {
          if (paused && !closed) {
            requestNextLocked();
          }
        });
  }

  private boolean requireHello() {
    if (key == null) {
      fail("no_hello", "the first message must be a Hello");
      return false;
    }
    return true;
  }

  private void fail(String reason, String description) {
    fail(Status.INVALID_ARGUMENT, reason, description);
  }

  private void fail(Status status, String reason, String description) {
    lock.run(
        () -> {
          if (closed) {
            return;
          }
          context.counters().rejected(reason, 1);
          log.fine(() -> "closing stream: " + description);
          closedLocked();
          responses.onError(status.withDescription(description).asRuntimeException());
        });
  }

  /** Holding the lock. */
  private void send(CollectorMessage message) {
    if (!closed) {
      responses.onNext(message);
    }
  }

  private void closed() {
    lock.run(this::closedLocked);
  }

  private void closedLocked() {
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
