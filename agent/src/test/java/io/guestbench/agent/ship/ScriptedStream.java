package io.guestbench.agent.ship;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.guestbench.agent.config.ClientSecurity;
import io.guestbench.agent.config.CollectorTarget;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.Command;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.GrpcCleanupExtension;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started stream client on a memory outbox, connected in-process to a {@link ScriptedCollector},
 * torn down after each test. Use with {@code @RegisterExtension}.
 */
final class ScriptedStream implements BeforeEachCallback, AfterEachCallback {
  static final Duration BOUND = Duration.ofSeconds(10);

  final ScriptedCollector collector = new ScriptedCollector();
  final MemoryOutbox outbox = new MemoryOutbox(1 << 20, Clock.system());
  final List<Command> commands = new CopyOnWriteArrayList<>();
  final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
  private final GrpcCleanupExtension grpc = new GrpcCleanupExtension();
  private final UnaryOperator<CollectorTarget> adjust;
  StreamClient client;

  /** A client whose target is the usual fast-retrying one, changed by {@code adjust}. */
  ScriptedStream(UnaryOperator<CollectorTarget> adjust) {
    this.adjust = adjust;
  }

  ScriptedStream() {
    this(UnaryOperator.identity());
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    String name = "scripted-stream-" + System.identityHashCode(this);
    grpc.register(InProcessServerBuilder.forName(name).addService(collector).build().start());
    ManagedChannel channel = grpc.register(InProcessChannelBuilder.forName(name).build());
    CollectorTarget target =
        new CollectorTarget(
            "in-process",
            1,
            ClientSecurity.plaintextChosen(),
            Duration.ofMillis(5),
            Duration.ofMillis(20),
            Duration.ofHours(1),
            4);
    client =
        new StreamClient(
            channel,
            adjust.apply(target),
            outbox,
            (epoch, first) ->
                Hello.newBuilder()
                    .setAgentId("a")
                    .setEpoch(epoch)
                    .setFirstUnackedSeq(first)
                    .build(),
            commands::add,
            thread,
            Clock.system(),
            new SplittableRandom(7));
    client.start();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    thread.shutdownNow();
    grpc.afterEach(context);
  }

  /** Appends one batch of one result named {@code runId}. */
  void append(String runId) {
    outbox.append(List.of(ProbeResult.newBuilder().setRunId(runId).build()));
  }

  /** The reasons of the Goodbyes the collector received, in order. */
  List<String> goodbyes() {
    return collector.received.stream()
        .filter(AgentMessage::hasGoodbye)
        .map(m -> m.getGoodbye().getReason())
        .toList();
  }
}
