package io.guestbench.collector.security;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;

/** The server's TLS context for a {@link ServerSecurity} that is not plaintext. */
public final class ServerTls {
  private ServerTls() {}

  /**
   * Client certificates are requested, not required, when a client CA is set: a stream without one
   * may still present a token, and one with neither is refused by {@link AuthInterceptor} with a
   * status that says why (a failed handshake would not).
   */
  public static SslContext context(ServerSecurity security) throws SSLException {
    SslContextBuilder builder =
        SslContextBuilder.forServer(
            security.certFile().orElseThrow().toFile(), security.keyFile().orElseThrow().toFile());
    security
        .clientCaFile()
        .ifPresent(ca -> builder.trustManager(ca.toFile()).clientAuth(ClientAuth.OPTIONAL));
    return GrpcSslContexts.configure(builder).build();
  }
}
