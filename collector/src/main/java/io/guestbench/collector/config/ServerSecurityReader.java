package io.guestbench.collector.config;

import io.guestbench.collector.security.ServerSecurity;
import io.guestbench.collector.security.ServerTls;
import io.guestbench.collector.security.TokenTable;
import io.guestbench.common.config.ConfigNode;
import io.guestbench.common.security.CredentialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/** Reads {@code server.plaintext}, {@code server.tls} and {@code auth}. */
final class ServerSecurityReader {
  private ServerSecurityReader() {}

  static ServerSecurity read(ConfigNode server, ConfigNode auth, boolean plaintextFlag) {
    boolean plaintext = server.bool("plaintext", false) || plaintextFlag;
    boolean hasTls = server.has("tls");
    ConfigNode tls = server.child("tls");
    Optional<Path> cert = file(tls, "cert_file", CredentialFiles::certificateProblem, hasTls);
    Optional<Path> key = file(tls, "key_file", CredentialFiles::secretProblem, hasTls);
    Optional<Path> clientCa =
        file(tls, "client_ca_file", CredentialFiles::certificateProblem, false);
    tls.finish();
    Optional<TokenTable> tokens = tokens(auth);
    auth.finish();
    if (plaintext && hasTls) {
      server
          .problems()
          .add(
              server.path("tls")
                  + ": given with plaintext chosen"
                  + " (expected: one of server.tls, or server.plaintext: true / --plaintext)");
    } else if (!plaintext && !hasTls) {
      server
          .problems()
          .add(
              server.path("tls")
                  + ": missing (expected: cert_file and key_file,"
                  + " or server.plaintext: true to accept unencrypted streams)");
    }
    if (plaintext && tokens.isPresent()) {
      server
          .problems()
          .add(
              auth.path("tokens_file")
                  + ": set with plaintext (expected: server.tls;"
                  + " tokens must not travel in the clear)");
    }
    if (plaintext || cert.isEmpty() || key.isEmpty()) {
      return ServerSecurity.plaintextChosen();
    }
    ServerSecurity security = new ServerSecurity(false, cert, key, clientCa, tokens);
    loadable(tls, security);
    return security;
  }

  /** With {@code server.tls} present, cert and key are required; a missing one is a problem. */
  private static Optional<Path> file(
      ConfigNode node, String key, Function<Path, Optional<String>> check, boolean required) {
    String text = node.string(key, null);
    if (text == null) {
      if (required) {
        node.problems().add(node.path(key) + ": missing (expected: a PEM file)");
      }
      return Optional.empty();
    }
    Optional<String> problem = check.apply(Path.of(text));
    problem.ifPresent(p -> node.problems().add(node.path(key), text, p));
    return problem.isPresent() ? Optional.empty() : Optional.of(Path.of(text));
  }

  private static Optional<TokenTable> tokens(ConfigNode auth) {
    Optional<Path> file = file(auth, "tokens_file", CredentialFiles::secretProblem, false);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<String> problems = new ArrayList<>();
      TokenTable table = TokenTable.parse(Files.readString(file.get()), problems);
      problems.forEach(p -> auth.problems().add(auth.path("tokens_file") + ": " + p));
      return Optional.of(table);
    } catch (IOException e) {
      auth.problems().add(auth.path("tokens_file"), file.get().toString(), "a readable file");
      return Optional.empty();
    }
  }

  private static void loadable(ConfigNode tls, ServerSecurity security) {
    if (!tls.problems().isEmpty()) {
      return;
    }
    try {
      ServerTls.context(security);
    } catch (SSLException | IllegalArgumentException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      String why = String.valueOf(root.getMessage()).lines().findFirst().orElse("unreadable");
      tls.problems().add(tls.path("cert_file") + ": cannot load the PEM files (" + why + ")");
    }
  }
}
