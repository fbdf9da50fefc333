package io.guestbench.agent.ship;

import io.grpc.stub.StreamObserver;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.CollectorServiceGrpc;
import io.guestbench.proto.v1.Welcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A collector that welcomes every stream, records what it receives and answers only what a test
 * tells it to, so the client's side of the protocol can be driven step by step.
 */
final class ScriptedCollector extends CollectorServiceGrpc.CollectorServiceImplBase {
  final List<AgentMessage> received = new CopyOnWriteArrayList<>();
  final List<StreamObserver<CollectorMessage>> streams = new CopyOnWriteArrayList<>();
  volatile long welcomeHighest;

  @Override
  public StreamObserver<AgentMessage> connect(StreamObserver<CollectorMessage> responses) {
    streams.add(responses);
    return new StreamObserver<>() {
      @Override
      public void onNext(AgentMessage message) {
        received.add(message);
        if (message.hasHello()) {
          send(
              responses,
              CollectorMessage.newBuilder()
                  .setWelcome(Welcome.newBuilder().setHighestStoredSeq(welcomeHighest))
                  .build());
        }
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {
        responses.onCompleted();
      }
    };
  }

  long batches() {
    return received.stream().filter(AgentMessage::hasBatch).count();
  }

  long hellos() {
    return received.stream().filter(AgentMessage::hasHello).count();
  }

  void sendToLatest(CollectorMessage message) {
    send(streams.getLast(), message);
  }

  /** A server stream is not thread-safe: the test thread and gRPC's thread both send here. */
  private static void send(StreamObserver<CollectorMessage> stream, CollectorMessage message) {
    synchronized (stream) {
      stream.onNext(message);
    }
  }
}
