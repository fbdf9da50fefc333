package io.guestbench.collector.journal;

import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.CollectorServiceGrpc;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One agent stream driven by hand: send what the test says, read what the collector answers. */
final class AgentStream implements StreamObserver<CollectorMessage> {
  final BlockingQueue<CollectorMessage> received = new LinkedBlockingQueue<>();
  private final StreamObserver<AgentMessage> requests;

  AgentStream(Channel channel, String agentId, long epoch) {
    this(
        channel,
        Hello.newBuilder()
            .setAgentId(agentId)
            .setEpoch(epoch)
            .setProtocolVersion(1)
            .setAgentVersion("test")
            .build());
  }

  AgentStream(Channel channel, Hello hello) {
    requests = CollectorServiceGrpc.newStub(channel).connect(this);
    requests.onNext(AgentMessage.newBuilder().setHello(hello).build());
  }

  AgentStream send(long seq, List<ProbeResult> results) {
    requests.onNext(
        AgentMessage.newBuilder()
            .setBatch(Batch.newBuilder().setSeq(seq).addAllResults(results))
            .build());
    return this;
  }

  CollectorMessage next() throws InterruptedException {
    CollectorMessage m = received.poll(10, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message from the collector within 10 s");
    }
    return m;
  }

  /** Whatever arrives within {@code millis}, or null. */
  CollectorMessage poll(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  void close() {
    requests.onCompleted();
  }

  @Override
  public void onNext(CollectorMessage value) {
    received.add(value);
  }

  @Override
  public void onError(Throwable t) {}

  @Override
  public void onCompleted() {}
}
