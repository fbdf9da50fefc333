package io.guestbench.agent.config;

import io.guestbench.agent.ship.CollectorChannels;
import io.guestbench.common.config.ConfigNode;
import io.guestbench.common.security.CredentialFiles;
import io.guestbench.common.security.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/** Reads the {@code collector} section's TLS, token and plaintext keys. */
final class ClientSecurityReader {
  private ClientSecurityReader() {}

  static ClientSecurity read(ConfigNode collector) {
    boolean plaintext = collector.bool("plaintext", false);
    Optional<Secret> token = token(collector);
    boolean hasTls = collector.has("tls");
    ConfigNode tls = collector.child("tls");
    Optional<Path> ca = file(tls, "ca_file", CredentialFiles::certificateProblem);
    Optional<Path> cert = file(tls, "cert_file", CredentialFiles::certificateProblem);
    Optional<Path> key = file(tls, "key_file", CredentialFiles::secretProblem);
    Optional<String> serverName = Optional.ofNullable(tls.string("server_name", null));
    tls.finish();
    if (cert.isPresent() != key.isPresent()) {
      String missing = cert.isPresent() ? "key_file" : "cert_file";
      collector
          .problems()
          .add(tls.path(missing) + ": missing (expected: cert_file and key_file together)");
    }
    if (plaintext && hasTls) {
      collector
          .problems()
          .add(
              collector.path("plaintext") + ": true (expected: false when a tls section is given)");
    } else if (!plaintext && !hasTls) {
      collector
          .problems()
          .add(
              collector.path("tls")
                  + ": missing (expected: a tls section, or plaintext: true to stream unencrypted)");
    }
    if (plaintext && token.isPresent()) {
      collector
          .problems()
          .add(
              collector.path("token_file")
                  + ": set with plaintext (expected: a tls section; a token must not travel in the clear)");
    }
    if (!plaintext && hasTls && cert.isPresent() == key.isPresent()) {
      ClientSecurity security = new ClientSecurity(false, ca, cert, key, serverName, token);
      loadable(collector, tls, security);
      return security;
    }
    return ClientSecurity.plaintextChosen();
  }

  /** Loads the PEM files once, so a broken certificate is a config problem, not a crash later. */
  private static void loadable(ConfigNode collector, ConfigNode tls, ClientSecurity security) {
    if (collector.problems().isEmpty()) {
      try {
        CollectorChannels.sslContext(security);
      } catch (SSLException | IllegalArgumentException e) {
        collector
            .problems()
            .add(tls.path("cert_file") + ": cannot load the PEM files (" + oneLine(e) + ")");
      }
    }
  }

  private static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String text = String.valueOf(root.getMessage());
    return text.lines().findFirst().orElse(root.getClass().getSimpleName());
  }

  private static Optional<Secret> token(ConfigNode collector) {
    Optional<Path> file = file(collector, "token_file", CredentialFiles::secretProblem);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      Secret token = CredentialFiles.readSecret(file.get());
      if (token.reveal().isEmpty() || token.reveal().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        collector
            .problems()
            .add(
                collector.path("token_file"),
                file.get().toString(),
                "one line of printable ASCII without spaces");
        return Optional.empty();
      }
      return Optional.of(token);
    } catch (IOException e) {
      collector
          .problems()
          .add(
              collector.path("token_file"),
              file.get().toString(),
              "a readable file: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<Path> file(
      ConfigNode node, String key, Function<Path, Optional<String>> check) {
    String text = node.string(key, null);
    if (text == null) {
      return Optional.empty();
    }
    Path path = Path.of(text);
    Optional<String> problem = check.apply(path);
    problem.ifPresent(p -> node.problems().add(node.path(key), text, p));
    return problem.isPresent() ? Optional.empty() : Optional.of(path);
  }
}
