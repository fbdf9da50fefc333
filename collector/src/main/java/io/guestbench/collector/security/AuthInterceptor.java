package io.guestbench.collector.security;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Establishes who is on an ingest stream, from a verified client certificate or a bearer token, and
 * refuses the stream with {@code UNAUTHENTICATED} when authentication is configured and neither
 * proves anything. Which agent id the stream may then claim is checked at its Hello.
 */
public final class AuthInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "Bearer ";

  private final ServerSecurity security;
  private final Consumer<String> rejected;

  /** {@code rejected} counts refused streams by reason. */
  public AuthInterceptor(ServerSecurity security, Consumer<String> rejected) {
    this.security = security;
    this.rejected = rejected;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (!security.authenticates()) {
      return next.startCall(call, headers);
    }
    Optional<Identity> certified =
        security.clientCaFile().isPresent()
            ? CertificateIdentity.of(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION))
            : Optional.empty();
    if (certified.isPresent()) {
      return withIdentity(certified.get(), call, headers, next);
    }
    String authorization = headers.get(AUTHORIZATION);
    if (authorization == null || security.tokens().isEmpty()) {
      return refuse(call, "unauthenticated", "no client certificate or bearer token");
    }
    if (!authorization.startsWith(BEARER)) {
      return refuse(call, "bad_token", "the authorization header is not a bearer token");
    }
    Optional<Identity> tokenHolder =
        security.tokens().get().identify(authorization.substring(BEARER.length()).strip());
    if (tokenHolder.isEmpty()) {
      return refuse(call, "bad_token", "unknown bearer token");
    }
    return withIdentity(tokenHolder.get(), call, headers, next);
  }

  private static <Q, R> ServerCall.Listener<Q> withIdentity(
      Identity identity, ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Context context = Context.current().withValue(Identity.CURRENT, identity);
    return Contexts.interceptCall(context, call, headers, next);
  }

  private <Q, R> ServerCall.Listener<Q> refuse(
      ServerCall<Q, R> call, String reason, String description) {
    rejected.accept(reason);
    call.close(Status.UNAUTHENTICATED.withDescription(description), new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
