package io.guestbench.e2e.load;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.guestbench.proto.v1.CollectorMessage;

/**
 * One Connect stream of a {@link LoadAgent}. It hands what it hears to the agent, naming itself, so
 * that the agent can ignore a stream it has dropped (the collector ends that one later). The agent
 * calls {@link #send} and {@link #close} under its own lock.
 */
final class LoadStream implements ClientResponseObserver<WireMessage, CollectorMessage> {
  private final LoadAgent agent;
  private ClientCallStreamObserver<WireMessage> requests;
  private boolean closed;

  LoadStream(LoadAgent agent) {
    this.agent = agent;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<WireMessage> requestStream) {
    this.requests = requestStream;
  }

  @Override
  public void onNext(CollectorMessage message) {
    agent.onMessage(this, message);
  }

  @Override
  public void onError(Throwable t) {
    agent.onClosed(this, Status.fromThrowable(t));
  }

  @Override
  public void onCompleted() {
    agent.onClosed(this, Status.OK);
  }

  void send(WireMessage message) {
    if (!closed) {
      requests.onNext(message);
    }
  }

  /** Half-closes: the collector answers what it has been sent, then ends the stream. */
  void close() {
    if (!closed) {
      closed = true;
      requests.onCompleted();
    }
  }
}
