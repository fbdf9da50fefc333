package io.guestbench.collector.ingest;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.guestbench.collector.security.AuthInterceptor;
import io.guestbench.collector.security.ServerSecurity;
import io.guestbench.collector.security.ServerTls;
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
  private final ServerSecurity security;
  private final AuthInterceptor auth;
  private final HealthStatusManager health = new HealthStatusManager();
  private Server server;
  private boolean terminal;

  public GrpcServer(
      InetSocketAddress address,
      IngestService ingest,
      int maxMessageBytes,
      ServerSecurity security,
      AuthInterceptor auth) {
    this.address = address;
    this.ingest = ingest;
    this.maxMessageBytes = maxMessageBytes;
    this.security = security;
    this.auth = auth;
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
    server =
        builder
            .addService(ServerInterceptors.intercept(ingest, auth))
            .addService(health.getHealthService())
            .maxInboundMessageSize(maxMessageBytes)
            .permitKeepAliveTime(10, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .build()
            .start();
    health.setStatus("", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
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
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
