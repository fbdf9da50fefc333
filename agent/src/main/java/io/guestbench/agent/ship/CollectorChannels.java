package io.guestbench.agent.ship;

import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.guestbench.agent.config.ClientSecurity;
import io.guestbench.agent.config.CollectorTarget;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/** Opens the channel to the collector as the config says: TLS with credentials, or plaintext. */
public final class CollectorChannels {
  /** Above the collector's permitted minimum (10 s), so it never answers with GOAWAY. */
  private static final long KEEPALIVE_SECONDS = 30;

  private CollectorChannels() {}

  public static ManagedChannel open(CollectorTarget target) throws SSLException {
    NettyChannelBuilder builder =
        NettyChannelBuilder.forAddress(target.host(), target.port())
            .keepAliveTime(KEEPALIVE_SECONDS, TimeUnit.SECONDS)
            .keepAliveTimeout(10, TimeUnit.SECONDS)
            .keepAliveWithoutCalls(true);
    ClientSecurity security = target.security();
    if (security.plaintext()) {
      return builder.usePlaintext().build();
    }
    builder.sslContext(sslContext(security));
    security.serverName().ifPresent(builder::overrideAuthority);
    security.token().ifPresent(token -> builder.intercept(new BearerToken(token)));
    return builder.build();
  }

  /** The client's TLS context; fails on unreadable or mismatched PEM files. */
  public static SslContext sslContext(ClientSecurity security) throws SSLException {
    SslContextBuilder ssl = GrpcSslContexts.forClient();
    security.caFile().ifPresent(ca -> ssl.trustManager(ca.toFile()));
    if (security.certFile().isPresent()) {
      ssl.keyManager(security.certFile().get().toFile(), security.keyFile().orElseThrow().toFile());
    }
    return ssl.build();
  }
}
