package io.guestbench.e2e.load;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.HostFacts;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * One simulated agent: a real Connect stream that says Hello, then sends batches with increasing
 * seq while fewer than {@code window} await an answer, and times each batch from its (intended)
 * send to the Ack that covers it. Paced agents send when the pacer says a batch is due; unpaced
 * ones keep the window full.
 */
final class LoadAgent implements ClientResponseObserver<WireMessage, CollectorMessage> {
  static final int MAX_BACKLOG = 10_000;

  private final String agentId;
  private final long epoch;
  private final BatchSource batches;
  private final int window;
  private final boolean paced;
  private final Tally tally;
  private final LongSupplier nanos;
  private final AckWindow inFlight = new AckWindow();
  private final ArrayDeque<Long> due = new ArrayDeque<>();
  private ClientCallStreamObserver<WireMessage> requests;
  private boolean welcomed;
  private boolean closed;
  private boolean stopped;
  private long seq;

  LoadAgent(
      String agentId,
      long epoch,
      BatchSource batches,
      int window,
      boolean paced,
      Tally tally,
      LongSupplier nanos) {
    this.agentId = agentId;
    this.epoch = epoch;
    this.batches = batches;
    this.window = window;
    this.paced = paced;
    this.tally = tally;
    this.nanos = nanos;
  }

  /** Opens the stream on {@code channel} and sends Hello. */
  void start(Channel channel) {
    ClientCalls.asyncBidiStreamingCall(
        channel.newCall(WireMessage.CONNECT, CallOptions.DEFAULT), this);
    Hello hello =
        Hello.newBuilder()
            .setAgentId(agentId)
            .setEpoch(epoch)
            .setAgentVersion("collector-load")
            .setProtocolVersion(2)
            .setFacts(
                HostFacts.newBuilder().setVirtType("xen-hvm").putFacts("instance_type", "m4.large"))
            .build();
    synchronized (this) {
      requests.onNext(WireMessage.of(AgentMessage.newBuilder().setHello(hello).build()));
    }
  }

  /**
   * A paced batch is due now: send it, or keep it (with its intended time) until the window has
   * room.
   */
  synchronized void due(long intendedNanos) {
    if (closed) {
      return;
    }
    if (due.size() >= MAX_BACKLOG) {
      tally.overflow();
      return;
    }
    due.addLast(intendedNanos);
    if (!welcomed || inFlight.size() >= window) {
      tally.deferred();
    }
    fill();
  }

  /** Sends nothing more; batches in flight still get their answers. */
  synchronized void stop() {
    stopped = true;
    due.clear();
  }

  /** Half-closes the stream (the collector then ends it). */
  synchronized void finish() {
    if (!closed) {
      closed = true;
      requests.onCompleted();
    }
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<WireMessage> requestStream) {
    this.requests = requestStream;
  }

  @Override
  public synchronized void onNext(CollectorMessage message) {
    switch (message.getKindCase()) {
      case WELCOME -> {
        welcomed = true;
        tally.welcomed.incrementAndGet();
        tally.open.incrementAndGet();
      }
      case ACK ->
          tally.acked(
              inFlight.ack(message.getAck().getSeq(), nanos.getAsLong(), tally::latencyNanos));
      case NACK -> {
        inFlight.nack(message.getNack().getSeq());
        tally.nacked(message.getNack().getReason());
      }
      default -> {} // commands and drains: a load agent does no probe work
    }
    fill();
  }

  @Override
  public synchronized void onError(Throwable t) {
    tally.streamError(Status.fromThrowable(t).getCode().name());
    end();
  }

  @Override
  public synchronized void onCompleted() {
    end();
  }

  private void end() {
    if (welcomed) {
      tally.open.decrementAndGet();
    }
    welcomed = false;
    closed = true;
  }

  private void fill() {
    while (welcomed
        && !closed
        && !stopped
        && inFlight.size() < window
        && (!paced || !due.isEmpty())) {
      long sentAt = paced ? due.pollFirst() : nanos.getAsLong();
      BatchSource.Next next = batches.next(++seq);
      inFlight.sent(seq, sentAt, next);
      requests.onNext(next.message());
      tally.sent();
    }
  }
}
