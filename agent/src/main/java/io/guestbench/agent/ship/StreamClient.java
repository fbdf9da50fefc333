package io.guestbench.agent.ship;

import io.grpc.Channel;
import io.grpc.Status;
import io.guestbench.agent.config.CollectorTarget;
import io.guestbench.common.lifecycle.Service;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.CollectorServiceGrpc;
import io.guestbench.proto.v1.Goodbye;
import io.guestbench.proto.v1.Nack;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Keeps one stream to the collector open and moves the outbox through it: Hello, then batches while
 * the transport is ready and fewer than the in-flight limit are unacknowledged; a lost stream is
 * reopened after a jittered backoff and resends from the oldest unacknowledged batch. Every state
 * change runs on one executor thread, so the state needs no locks.
 */
public final class StreamClient implements Service {
  private static final Logger log = Logger.getLogger(StreamClient.class.getName());
  private static final Duration RETIRE_GRACE = Duration.ofSeconds(5);

  private final CollectorServiceGrpc.CollectorServiceStub stub;
  private final CollectorTarget target;
  private final Outbox outbox;
  private final HelloSource helloSource;
  private final CommandHandler commands;
  private final ScheduledExecutorService executor;
  private final Clock clock;
  private final Backoff backoff;
  private final AckWaiter ackWaiter;
  private final RandomGenerator random;

  private StreamSession current;
  private boolean stopped;
  private long reconnects;
  private long recycles;
  private String lastError = "";
  private boolean loggedSinceConnect;
  private ScheduledFuture<?> heartbeats;
  // delayed work of the client's own: cancelled on stop, so none of it keeps the executor alive
  private ScheduledFuture<?> retirement;
  private ScheduledFuture<?> reconnect;

  public StreamClient(
      Channel channel,
      CollectorTarget target,
      Outbox outbox,
      HelloSource helloSource,
      CommandHandler commands,
      ScheduledExecutorService executor,
      Clock clock,
      RandomGenerator random) {
    this.stub = CollectorServiceGrpc.newStub(channel);
    this.target = target;
    this.outbox = outbox;
    this.helloSource = helloSource;
    this.commands = commands;
    this.executor = executor;
    this.clock = clock;
    this.ackWaiter = new AckWaiter(clock);
    this.random = random;
    this.backoff = new Backoff(target.reconnectInitial(), target.reconnectMax(), random);
    outbox.onAppend(() -> onClientThread(this::pump));
  }

  @Override
  public String name() {
    return "stream to collector " + target.address();
  }

  @Override
  public void start() {
    executor.execute(this::connect);
    long every = target.heartbeatInterval().toNanos();
    heartbeats = executor.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.NANOSECONDS);
  }

  /**
   * Says Goodbye and cancels the client's timers, waiting (at most {@code grace}) until that has
   * run on the client's thread: once this returns, nothing of the client's is left queued on it.
   */
  @Override
  public void stop(Duration grace) {
    cancel(heartbeats);
    try {
      executor.submit(this::goodbye).get(grace.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      log.fine("stream client: its executor is already shut down");
    } catch (ExecutionException | TimeoutException e) {
      log.warning("stream client: saying goodbye: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the collector has acknowledged everything appended so far. */
  public boolean awaitAllAcknowledged(Duration timeout) throws InterruptedException {
    return ackWaiter.await(() -> outbox.firstUnacked() == 0, timeout);
  }

  /** A consistent view of the connection, taken on the client's thread. */
  public StreamState state() {
    try {
      return executor
          .submit(
              () ->
                  new StreamState(
                      current != null && current.welcomed, reconnects, lastError, recycles))
          .get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      return new StreamState(false, reconnects, lastError, recycles);
    }
  }

  /** Runs {@code task} on the client's thread; after shutdown there is nothing left to do. */
  private void onClientThread(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      log.fine("stream client stopped; dropping a late callback");
    }
  }

  private void connect() {
    if (stopped) {
      return;
    }
    StreamSession session =
        new StreamSession(
            new StreamSession.Events() {
              @Override
              public void ready() {
                onClientThread(StreamClient.this::pump);
              }

              @Override
              public void message(StreamSession from, CollectorMessage message) {
                onClientThread(() -> onMessage(from, message));
              }

              @Override
              public void closed(StreamSession from, Status status) {
                onClientThread(() -> onClosed(from, status));
              }
            });
    current = session;
    stub.connect(session);
    session.send(
        AgentMessage.newBuilder()
            .setHello(helloSource.hello(outbox.epoch(), outbox.firstUnacked()))
            .build());
  }

  private void pump() {
    StreamSession s = current;
    if (s == null || !s.welcomed || !s.isReady() || s.retiring) {
      return;
    }
    while (s.sentThrough - s.ackedThrough < target.maxInFlightBatches() && s.isReady()) {
      Optional<Batch> next = outbox.next(s.sentThrough);
      if (next.isEmpty()) {
        return;
      }
      s.sentThrough = next.get().getSeq();
      s.send(AgentMessage.newBuilder().setBatch(next.get()).build());
    }
  }

  private void onMessage(StreamSession s, CollectorMessage message) {
    if (s != current) {
      return;
    }
    switch (message.getKindCase()) {
      case WELCOME -> {
        long stored = message.getWelcome().getHighestStoredSeq();
        outbox.welcomed(stored);
        s.welcomed = true;
        s.ackedThrough = Math.max(stored, outbox.firstUnacked() - 1);
        s.sentThrough = s.ackedThrough;
        backoff.reset();
        loggedSinceConnect = false;
        ackWaiter.wake();
        scheduleRetirement(s);
      }
      case ACK -> {
        outbox.acknowledge(message.getAck().getSeq());
        s.ackedThrough = Math.max(s.ackedThrough, message.getAck().getSeq());
        ackWaiter.wake();
        if (s.retiring && s.ackedThrough >= s.sentThrough) {
          replace(s);
          return;
        }
      }
      case NACK -> onNack(s, message.getNack());
      case COMMAND -> commands.handle(message.getCommand());
      case DRAIN -> {
        s.close();
        current = null;
        long after = message.getDrain().getReconnectAfterMillis();
        lose(
            "collector asked to drain: " + message.getDrain().getReason(),
            Duration.ofMillis(after));
        return;
      }
      case KIND_NOT_SET -> {
        return;
      }
    }
    pump();
  }

  /**
   * Retires a stream after its lifetime (jittered ±10%, so a fleet does not reconnect at once):
   * nothing new is sent on it, and once what is in flight is acknowledged, or a short grace has
   * passed, it says goodbye and a new stream opens at once; a load balancer may then pick another
   * replica. Anything still unacknowledged is resent on the new stream, where dedupe absorbs it.
   */
  private void scheduleRetirement(StreamSession s) {
    long lifetime = target.maxStreamLifetime().toNanos();
    long jittered = (long) (lifetime * (0.9 + 0.2 * random.nextDouble()));
    cancel(retirement); // an earlier stream's, which is gone
    retirement = executor.schedule(() -> retire(s), jittered, TimeUnit.NANOSECONDS);
  }

  private void retire(StreamSession s) {
    if (s != current || s.retiring) {
      return;
    }
    s.retiring = true;
    if (s.ackedThrough >= s.sentThrough) {
      replace(s);
      return;
    }
    long grace = Math.min(RETIRE_GRACE.toNanos(), target.maxStreamLifetime().toNanos() / 10);
    retirement = executor.schedule(() -> replace(s), grace, TimeUnit.NANOSECONDS);
  }

  private void replace(StreamSession s) {
    if (s != current) {
      return;
    }
    current = null;
    recycles++;
    s.send(AgentMessage.newBuilder().setGoodbye(Goodbye.newBuilder().setReason("recycle")).build());
    s.close();
    log.fine(() -> "stream to " + target.address() + " recycled after its lifetime");
    connect();
  }

  private void onNack(StreamSession s, Nack nack) {
    if (nack.getRetryable()) {
      s.close();
      current = null;
      lose(
          "collector could not store batch " + nack.getSeq() + ": " + nack.getReason(),
          Duration.ZERO);
      return;
    }
    log.warning(
        "collector rejected batch "
            + nack.getSeq()
            + " for good ("
            + nack.getReason()
            + "): "
            + nack.getDetail());
    outbox.reject(nack.getSeq(), nack.getReason());
    s.ackedThrough = Math.max(s.ackedThrough, nack.getSeq());
    ackWaiter.wake();
  }

  private void onClosed(StreamSession s, Status status) {
    if (s != current) {
      return;
    }
    current = null;
    String why =
        status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
    lose(why, Duration.ZERO);
  }

  private void lose(String why, Duration atLeast) {
    reconnects++;
    lastError = why;
    if (stopped) {
      return;
    }
    Duration delay = backoff.next();
    if (delay.compareTo(atLeast) < 0) {
      delay = atLeast;
    }
    Level level = loggedSinceConnect ? Level.FINE : Level.WARNING;
    loggedSinceConnect = true;
    log.log(
        level,
        "stream to "
            + target.address()
            + " lost ("
            + why
            + "); retrying in "
            + delay.toMillis()
            + " ms");
    reconnect = executor.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void heartbeat() {
    StreamSession s = current;
    if (s == null || !s.welcomed) {
      return;
    }
    s.send(
        AgentMessage.newBuilder()
            .setHeartbeat(Heartbeats.of(outbox.stats(), clock.wallNanos()))
            .build());
  }

  private void goodbye() {
    stopped = true;
    cancel(retirement);
    cancel(reconnect);
    StreamSession s = current;
    current = null;
    if (s != null) {
      s.send(
          AgentMessage.newBuilder().setGoodbye(Goodbye.newBuilder().setReason("shutdown")).build());
      s.close();
    }
  }

  private static void cancel(ScheduledFuture<?> task) {
    if (task != null) {
      task.cancel(false);
    }
  }
}
