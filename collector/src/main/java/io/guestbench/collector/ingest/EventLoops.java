package io.guestbench.collector.ingest;

import io.grpc.netty.NettyServerBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC server's Netty event loops on native epoll, or nothing where epoll does not load (gRPC's
 * own NIO loops then). Owned here, since gRPC leaves groups it was given running.
 */
final class EventLoops {
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;

  private EventLoops(EventLoopGroup boss, EventLoopGroup workers) {
    this.boss = boss;
    this.workers = workers;
  }

  /** Gives {@code builder} epoll loops, {@code workers} of them for the connections, if it can. */
  static EventLoops start(NettyServerBuilder builder, int workers) {
    if (!Epoll.isAvailable()) {
      return new EventLoops(null, null);
    }
    EventLoops loops = new EventLoops(group(1, "grpc-epoll-boss"), group(workers, "grpc-epoll"));
    builder
        .channelType(EpollServerSocketChannel.class)
        .bossEventLoopGroup(loops.boss)
        .workerEventLoopGroup(loops.workers);
    return loops;
  }

  /** Whether the server runs on epoll. */
  boolean epoll() {
    return workers != null;
  }

  void shutdown() {
    if (workers != null) {
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  private static EventLoopGroup group(int threads, String name) {
    return new MultiThreadIoEventLoopGroup(
        threads,
        Thread.ofPlatform().name(name + "-", 0).daemon().factory(),
        EpollIoHandler.newFactory());
  }
}
