package io.guestbench.e2e.load;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.HostFacts;
import io.guestbench.proto.v1.Nack;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.function.LongSupplier;

/**
 * One simulated agent: a real Connect stream that says Hello, then sends batches with increasing
 * seq while fewer than {@code window} await an answer, and times each batch from its (intended)
 * send to the Ack that covers it. Paced agents send when the pacer says a batch is due; unpaced
 * ones keep the window full.
 *
 * <p>Like the agent's StreamClient, it drops the stream on a retryable Nack (the collector answers
 * nothing more on it) and, after a short jittered delay, opens a new one on the same channel with
 * the same agent_id and epoch; the Welcome says which of the unsettled batches the collector has
 * stored (they count as acknowledged then), and the rest are resent with their seq and bytes before
 * anything new. Other stream ends are counted and end the agent's sending, as before.
 */
final class LoadAgent {
  static final int MAX_BACKLOG = 10_000;

  private final String agentId;
  private final long epoch;
  private final BatchSource batches;
  private final int window;
  private final boolean paced;
  private final Tally tally;
  private final LongSupplier nanos;
  private final Redial redial;
  private final AckWindow inFlight = new AckWindow();
  private final ArrayDeque<Long> due = new ArrayDeque<>();
  private Channel channel;
  private LoadStream stream; // null between a dropped stream and the next
  private ScheduledFuture<?> reconnect;
  private boolean everWelcomed;
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
      LongSupplier nanos,
      Redial redial) {
    this.agentId = agentId;
    this.epoch = epoch;
    this.batches = batches;
    this.window = window;
    this.paced = paced;
    this.tally = tally;
    this.nanos = nanos;
    this.redial = redial;
  }

  /** Opens the stream on {@code channel} and sends Hello. */
  synchronized void start(Channel channel) {
    this.channel = channel;
    connect();
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

  /** Sends nothing new; batches in flight still get their answers (and are resent if refused). */
  synchronized void stop() {
    stopped = true;
    due.clear();
  }

  /** Half-closes the stream (the collector then ends it) and opens no other. */
  synchronized void finish() {
    if (!closed) {
      closed = true;
      if (reconnect != null) {
        reconnect.cancel(false);
      }
      if (stream != null) {
        stream.close();
      }
    }
  }

  synchronized void onMessage(LoadStream from, CollectorMessage message) {
    if (from != stream) {
      return; // a dropped stream's late answers
    }
    switch (message.getKindCase()) {
      case WELCOME -> welcome(message.getWelcome().getHighestStoredSeq());
      case ACK ->
          tally.acked(
              inFlight.ack(message.getAck().getSeq(), nanos.getAsLong(), tally::latencyNanos));
      case NACK -> nack(message.getNack());
      default -> {} // commands and drains: a load agent does no probe work
    }
    fill();
  }

  /** The stream ended: {@code status} OK when the collector completed it. */
  synchronized void onClosed(LoadStream from, Status status) {
    if (from != stream) {
      return;
    }
    if (!status.isOk()) {
      tally.streamError(status.getCode().name());
    }
    if (welcomed) {
      tally.open.decrementAndGet();
    }
    welcomed = false;
    closed = true;
  }

  private void connect() {
    if (closed) {
      return;
    }
    stream = new LoadStream(this);
    ClientCalls.asyncBidiStreamingCall(
        channel.newCall(WireMessage.CONNECT, CallOptions.DEFAULT), stream);
    Hello hello =
        Hello.newBuilder()
            .setAgentId(agentId)
            .setEpoch(epoch)
            .setAgentVersion("collector-load")
            .setProtocolVersion(2)
            .setFacts(
                HostFacts.newBuilder().setVirtType("xen-hvm").putFacts("instance_type", "m4.large"))
            .setFirstUnackedSeq(inFlight.firstUnacked())
            .build();
    stream.send(WireMessage.of(AgentMessage.newBuilder().setHello(hello).build()));
  }

  private void welcome(long highestStored) {
    welcomed = true;
    tally.open.incrementAndGet();
    if (everWelcomed) {
      tally.reconnected();
    } else {
      everWelcomed = true;
      tally.welcomed.incrementAndGet();
    }
    // What the collector stored without acknowledging it on the dropped stream counts now, once.
    tally.acked(inFlight.ack(highestStored, nanos.getAsLong(), tally::latencyNanos));
    for (AckWindow.InFlight b : inFlight.unsettled()) {
      stream.send(b.batch().message());
      tally.resent();
    }
  }

  private void nack(Nack nack) {
    if (!nack.getRetryable()) {
      inFlight.nack(nack.getSeq());
      tally.nacked(nack.getReason());
      return;
    }
    // The collector answers nothing more on this stream (AckOrder), so it is dropped at once.
    tally.retryableNack(nack.getReason());
    stream.close();
    stream = null;
    if (welcomed) {
      tally.open.decrementAndGet();
    }
    welcomed = false;
    if (!closed) {
      reconnect = redial.after(this::reconnect);
    }
  }

  private synchronized void reconnect() {
    connect();
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
      stream.send(next.message());
      tally.sent();
    }
  }
}
