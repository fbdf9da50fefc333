package io.guestbench.agent.ship;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.CollectorMessage;

/**
 * One stream to the collector and its delivery state. gRPC's callbacks are handed on to {@link
 * Events}; the state is touched only on the stream client's thread.
 */
final class StreamSession implements ClientResponseObserver<AgentMessage, CollectorMessage> {

  /** What the stream client hears from this stream. */
  interface Events {
    void ready();

    void message(StreamSession from, CollectorMessage message);

    void closed(StreamSession from, Status status);
  }

  private final Events events;
  private ClientCallStreamObserver<AgentMessage> requests;
  private boolean closed;
  boolean welcomed;

  /** Past its lifetime: sends nothing new and is replaced once its batches are acknowledged. */
  boolean retiring;

  long sentThrough;
  long ackedThrough;

  StreamSession(Events events) {
    this.events = events;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<AgentMessage> requestStream) {
    this.requests = requestStream;
    requestStream.setOnReadyHandler(events::ready);
  }

  @Override
  public void onNext(CollectorMessage message) {
    events.message(this, message);
  }

  @Override
  public void onError(Throwable t) {
    events.closed(this, Status.fromThrowable(t));
  }

  @Override
  public void onCompleted() {
    events.closed(this, Status.UNAVAILABLE.withDescription("collector ended the stream"));
  }

  boolean isReady() {
    return !closed && requests.isReady();
  }

  void send(AgentMessage message) {
    if (!closed) {
      requests.onNext(message);
    }
  }

  void close() {
    if (!closed) {
      closed = true;
      requests.onCompleted();
    }
  }
}
