package io.guestbench.e2e;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.CollectorServiceGrpc;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.ProbeResult;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A hand-driven agent stream: send exactly what a test says, read what comes back. */
final class RawAgentStream implements StreamObserver<CollectorMessage> {
  final BlockingQueue<CollectorMessage> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Status> closed = new CompletableFuture<>();
  private final StreamObserver<AgentMessage> requests;

  RawAgentStream(Channel channel) {
    requests = CollectorServiceGrpc.newStub(channel).connect(this);
  }

  static Hello hello(String agentId, long epoch) {
    return Hello.newBuilder()
        .setAgentId(agentId)
        .setEpoch(epoch)
        .setProtocolVersion(1)
        .setAgentVersion("test")
        .build();
  }

  RawAgentStream send(Hello hello) {
    requests.onNext(AgentMessage.newBuilder().setHello(hello).build());
    return this;
  }

  RawAgentStream send(io.guestbench.proto.v1.Heartbeat heartbeat) {
    requests.onNext(AgentMessage.newBuilder().setHeartbeat(heartbeat).build());
    return this;
  }

  RawAgentStream send(long seq, ProbeResult... results) {
    Batch.Builder batch = Batch.newBuilder().setSeq(seq);
    for (ProbeResult r : results) {
      batch.addResults(r);
    }
    requests.onNext(AgentMessage.newBuilder().setBatch(batch).build());
    return this;
  }

  CollectorMessage next() throws InterruptedException {
    CollectorMessage m = received.poll(5, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message from the collector within 5 s");
    }
    return m;
  }

  void finish() {
    requests.onCompleted();
  }

  @Override
  public void onNext(CollectorMessage value) {
    received.add(value);
  }

  @Override
  public void onError(Throwable t) {
    closed.complete(Status.fromThrowable(t));
  }

  @Override
  public void onCompleted() {
    closed.complete(Status.OK);
  }
}
