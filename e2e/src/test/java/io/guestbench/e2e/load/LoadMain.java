package io.guestbench.e2e.load;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.guestbench.proto.v1.ProbeResult;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Collector ingest load: {@code --agents} simulated agents, each on its own gRPC connection and
 * stream, against a running collector; prints sustained acked throughput, ack latency, and the
 * collector's CPU, RSS and heap over a measured window after a warm-up. Run by
 * bench/collector-load.sh, which starts the collector.
 */
public final class LoadMain {
  private LoadMain() {}

  public static void main(String[] args) {
    try {
      run(args);
      System.exit(0); // Netty's threads would otherwise keep the JVM up
    } catch (Exception e) {
      System.err.println("collector-load: " + e);
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    LoadOptions o;
    try {
      o = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // The generator's measured loop: ack latencies are differences of this monotonic clock.
    LongSupplier nanos = System::nanoTime;
    Tally tally = new Tally();
    BatchSource batches = new BatchSource(results(o), o.batch());
    // Native epoll where Netty has it, as an agent's gRPC channel (grpc-netty's default) uses: the
    // generator shares the collector's cores, and NIO's selector costs it more CPU.
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            o.eventLoops(), epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Class<? extends Channel> channelType =
        epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    System.out.println("generator transport: " + (epoll ? "Netty native epoll" : "Netty NIO"));
    List<ManagedChannel> channels = new ArrayList<>();
    List<LoadAgent> agents = new ArrayList<>();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("redial").daemon().factory());
    Redial redial = new Redial(scheduler, new Random());
    long epoch = System.currentTimeMillis();
    for (int i = 0; i < o.agents(); i++) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress(o.host(), o.grpcPort())
              .usePlaintext()
              .eventLoopGroup(group)
              .channelType(channelType)
              .directExecutor()
              .build();
      LoadAgent agent =
          new LoadAgent(
              String.format("load-%05d", i),
              epoch,
              batches,
              o.window(),
              o.rate() > 0,
              tally,
              nanos,
              redial);
      channels.add(channel);
      agents.add(agent);
    }
    long connectStart = nanos.getAsLong();
    for (int i = 0; i < agents.size(); i++) {
      agents.get(i).start(channels.get(i));
    }
    waitFor(() -> tally.welcomed.get() >= o.agents(), 60);
    long connectMillis = (nanos.getAsLong() - connectStart) / 1_000_000;
    LoadRun run = new LoadRun(o, agents, tally, nanos, new CollectorWatch(o.pid(), o.httpPort()));
    run.measure(connectMillis);
    agents.forEach(LoadAgent::finish);
    waitFor(() -> tally.open.get() == 0, 20);
    scheduler.shutdownNow();
    channels.forEach(ManagedChannel::shutdown);
    for (ManagedChannel c : channels) {
      c.awaitTermination(5, TimeUnit.SECONDS);
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
  }

  /** Polls {@code done} every 50 ms for up to {@code seconds}; returns whether it became true. */
  static boolean waitFor(BooleanSupplier done, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  private static List<ProbeResult> results(LoadOptions o) {
    var results = ResultPool.of(300, System.currentTimeMillis() * 1_000_000L, 7);
    return o.histogramDigits() == 3 ? results : ResultPool.withDigits(results, o.histogramDigits());
  }
}
