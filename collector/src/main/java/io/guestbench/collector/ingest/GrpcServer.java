package io.guestbench.collector.ingest;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.guestbench.common.lifecycle.Service;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The gRPC server on Netty: ingest plus the standard health service. */
public final class GrpcServer implements Service {
  private final InetSocketAddress address;
  private final IngestService ingest;
  private final int maxMessageBytes;
  private final HealthStatusManager health = new HealthStatusManager();
  private Server server;

  public GrpcServer(InetSocketAddress address, IngestService ingest, int maxMessageBytes) {
    this.address = address;
    this.ingest = ingest;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public String name() {
    return "gRPC server on " + address;
  }

  @Override
  public void start() throws IOException {
    server =
        NettyServerBuilder.forAddress(address)
            .addService(ingest)
            .addService(health.getHealthService())
            .maxInboundMessageSize(maxMessageBytes)
            .permitKeepAliveTime(10, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .build()
            .start();
    health.setStatus("", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
  }

  /** Marks the server not serving, so health checks steer new agents elsewhere. */
  public void notServing() {
    health.enterTerminalState();
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
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
