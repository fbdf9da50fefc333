package io.guestbench.agent.config;

import io.guestbench.common.security.Secret;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the agent proves who it is to the collector and checks the collector's identity.
 *
 * @param plaintext true when the operator chose an unencrypted stream explicitly
 * @param caFile the CA that signed the collector's certificate; empty: the system's trust store
 * @param certFile this agent's client certificate (mutual TLS), with {@code keyFile}
 * @param keyFile the client certificate's private key (PKCS#8 PEM)
 * @param serverName the name to expect in the collector's certificate, when not the address host
 * @param token a bearer token sent with every stream, the alternative to a client certificate
 */
public record ClientSecurity(
    boolean plaintext,
    Optional<Path> caFile,
    Optional<Path> certFile,
    Optional<Path> keyFile,
    Optional<String> serverName,
    Optional<Secret> token) {
  public ClientSecurity {
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(token, "token");
    if (certFile.isPresent() != keyFile.isPresent()) {
      throw new IllegalArgumentException("a client certificate needs both cert and key files");
    }
    if (plaintext && (token.isPresent() || certFile.isPresent())) {
      throw new IllegalArgumentException("credentials over plaintext would travel in the clear");
    }
  }

  /** An unencrypted stream, chosen explicitly. */
  public static ClientSecurity plaintextChosen() {
    return new ClientSecurity(
        true,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** A short description for start-up lines; never includes a secret. */
  public String describe() {
    if (plaintext) {
      return "plaintext";
    }
    String auth =
        certFile.isPresent()
            ? "client certificate"
            : token.isPresent() ? "token" : "no client auth";
    return "TLS, " + auth;
  }
}
