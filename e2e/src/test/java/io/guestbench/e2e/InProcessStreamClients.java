package io.guestbench.e2e;

import io.grpc.inprocess.InProcessChannelBuilder;
import io.guestbench.agent.config.ClientSecurity;
import io.guestbench.agent.config.CollectorTarget;
import io.guestbench.agent.ship.CommandHandler;
import io.guestbench.agent.ship.Outbox;
import io.guestbench.agent.ship.StreamClient;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.HostFacts;
import io.guestbench.testing.GrpcCleanupExtension;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The agent's real stream clients against an in-process collector: a plaintext target that retries
 * within milliseconds, the Hello a test describes, and a thread of its own for each client, stopped
 * after the test (the channels go with the {@link GrpcCleanupExtension} it is given).
 */
final class InProcessStreamClients implements AfterEachCallback {
  private final GrpcCleanupExtension grpc;
  private final String collector;
  private final List<ScheduledExecutorService> threads = new CopyOnWriteArrayList<>();

  InProcessStreamClients(GrpcCleanupExtension grpc, String collector) {
    this.grpc = grpc;
    this.collector = collector;
  }

  /** A Hello from a test agent on {@code virtType}; epoch and first unacked seq come later. */
  static Hello.Builder hello(String agentId, String virtType) {
    return Hello.newBuilder()
        .setAgentId(agentId)
        .setAgentVersion("test")
        .setProtocolVersion(1)
        .setFacts(HostFacts.newBuilder().setVirtType(virtType));
  }

  /** A client (not started) that opens every stream with {@code hello}. */
  StreamClient client(Outbox outbox, Hello.Builder hello, CommandHandler commands) {
    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    threads.add(thread);
    Hello template = hello.build();
    return new StreamClient(
        grpc.register(InProcessChannelBuilder.forName(collector).build()),
        new CollectorTarget(
            "in-process",
            1,
            ClientSecurity.plaintextChosen(),
            Duration.ofMillis(5),
            Duration.ofMillis(50),
            Duration.ofSeconds(1),
            4),
        outbox,
        (epoch, first) -> template.toBuilder().setEpoch(epoch).setFirstUnackedSeq(first).build(),
        commands,
        thread,
        Clock.system(),
        new SplittableRandom(1));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    threads.forEach(ScheduledExecutorService::shutdownNow);
  }
}
