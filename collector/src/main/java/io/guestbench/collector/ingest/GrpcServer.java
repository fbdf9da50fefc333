package io.guestbench.collector.ingest;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.guestbench.collector.security.AuthInterceptor;
import io.guestbench.collector.security.ServerSecurity;
import io.guestbench.collector.security.ServerTls;
import io.guestbench.common.lifecycle.Service;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gRPC server on Netty: ingest plus the standard health service. Calls run on a small fixed
 * pool, one thread per core, instead of gRPC's default cached pool: with 1,000 streams on two cores
 * the cached pool started a few hundred threads that mostly queued on the same locks (Netty's
 * allocator, the journal queue, the sessions' monitors). No handler blocks, so a thread per core is
 * enough; gRPC still runs each stream's messages one at a time, in order.
 *
 * <p>The event loops use Netty's native epoll where it loads (Linux), else the JDK's NIO. With NIO,
 * every ack sent from a journal thread wakes the event loop through the JDK selector's wakeup,
 * which takes a lock the event loop takes too: on two busy cores the loop waited 10–38 ms for a
 * waker that had been preempted holding it (flight recording under load). Epoll's wakeup takes no
 * lock.
 */
public final class GrpcServer implements Service {
  private final InetSocketAddress address;
  private final IngestService ingest;
  private final int maxMessageBytes;
  private final ServerSecurity security;
  private final AuthInterceptor auth;
  private final PooledByteBufAllocator buffers = IngestBuffers.create();
  private final HealthStatusManager health = new HealthStatusManager();
  private Server server;
  private ExecutorService calls;
  private EventLoops loops;
  private boolean terminal;

  public GrpcServer(
      InetSocketAddress address,
      IngestService ingest,
      int maxMessageBytes,
      ServerSecurity security,
      AuthInterceptor auth,
      MeterRegistry meters) {
    this.address = address;
    this.ingest = ingest;
    this.maxMessageBytes = maxMessageBytes;
    this.security = security;
    this.auth = auth;
    IngestBuffers.bindMetrics(buffers, meters);
  }

  @Override
  public String name() {
    return "gRPC server on " + address;
  }

  @Override
  public void start() throws IOException {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(address);
    if (!security.plaintext()) {
      builder.sslContext(ServerTls.context(security));
    }
    int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
    calls = callExecutor(cores);
    loops = EventLoops.start(builder, cores);
    server =
        builder
            .executor(calls)
            .withOption(ChannelOption.ALLOCATOR, buffers)
            .withChildOption(ChannelOption.ALLOCATOR, buffers)
            .addService(ServerInterceptors.intercept(ingest, auth))
            .addService(health.getHealthService())
            .maxInboundMessageSize(maxMessageBytes)
            .permitKeepAliveTime(10, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .build()
            .start();
    health.setStatus("", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
  }

  private static ExecutorService callExecutor(int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> Thread.ofPlatform().name("grpc-call-" + n.getAndIncrement()).daemon().unstarted(r));
  }

  /** Marks the server not serving, so health checks steer new agents elsewhere. */
  public synchronized void notServing() {
    // Shutdown calls this first, and stop() again; the health service allows it only once.
    if (!terminal) {
      terminal = true;
      health.enterTerminalState();
    }
  }

  /** The bound port (the real one when 0 was asked for). */
  public int port() {
    return server.getPort();
  }

  @Override
  public void stop(Duration grace) {
    notServing();
    server.shutdown();
    try {
      if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        // Cancelled calls still run their last callbacks on the pool; give them a moment.
        server.awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      calls.shutdown();
      loops.shutdown();
    }
  }
}
