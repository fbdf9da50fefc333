package io.guestbench.collector.security;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the collector secures ingest: TLS with its certificate, optionally verifying agents by client
 * certificate or bearer token; or plaintext, chosen explicitly.
 *
 * @param plaintext true when the operator chose unencrypted ingest explicitly
 * @param certFile the collector's certificate chain (PEM), with {@code keyFile}
 * @param keyFile the certificate's private key (PKCS#8 PEM)
 * @param clientCaFile the CA that signs agents' client certificates; present: mutual TLS
 * @param tokens bearer tokens and the agent ids each may claim
 */
public record ServerSecurity(
    boolean plaintext,
    Optional<Path> certFile,
    Optional<Path> keyFile,
    Optional<Path> clientCaFile,
    Optional<TokenTable> tokens) {
  public ServerSecurity {
    Objects.requireNonNull(clientCaFile, "clientCaFile");
    Objects.requireNonNull(tokens, "tokens");
    if (!plaintext && (certFile.isEmpty() || keyFile.isEmpty())) {
      throw new IllegalArgumentException("TLS needs a certificate and a key");
    }
  }

  /** Unencrypted ingest, chosen explicitly. */
  public static ServerSecurity plaintextChosen() {
    return new ServerSecurity(
        true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** True when every stream must prove which agent it is. */
  public boolean authenticates() {
    return clientCaFile.isPresent() || tokens.isPresent();
  }

  /** The start-up warning this setting deserves, if any. */
  public Optional<String> warning() {
    if (plaintext) {
      return Optional.of(
          "gRPC ingest without TLS (plaintext chosen): results and labels travel unencrypted");
    }
    if (!authenticates()) {
      return Optional.of(
          "TLS without client authentication: any client may claim any agent_id"
              + " (set server.tls.client_ca_file or auth.tokens_file)");
    }
    return Optional.empty();
  }
}
