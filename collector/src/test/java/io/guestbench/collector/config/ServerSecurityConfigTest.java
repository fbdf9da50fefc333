package io.guestbench.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.collector.security.ServerSecurity;
import io.guestbench.common.config.ConfigException;
import io.guestbench.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecurityConfigTest {
  private final CollectorConfigLoader loader = new CollectorConfigLoader("host-1");
  @TempDir Path dir;
  private TestPki pki;
  private TestPki.Issued server;

  @BeforeEach
  void pki() {
    pki = TestPki.create(dir, "ops");
    server = pki.server();
  }

  @Test
  void plaintextMustBeChosen() {
    assertThat(problems("server: {grpc_port: 0}"))
        .containsExactly(
            "c.yaml: server.tls: missing (expected: cert_file and key_file, or server.plaintext:"
                + " true to accept unencrypted streams)");
  }

  @Test
  void plaintextFromTheConfigOrTheFlag() throws Exception {
    assertThat(loader.parse("c.yaml", "server: {plaintext: true}").security().plaintext()).isTrue();
    assertThat(loader.plaintextChosen().defaults().security().warning())
        .hasValueSatisfying(w -> assertThat(w).contains("without TLS"));
  }

  @Test
  void mutualTlsAndTokens() throws Exception {
    Path tokens = secretFile("tokens", "agent-a 0123456789abcdef-a\n");
    ServerSecurity security =
        loader
            .parse(
                "c.yaml",
                tls(", client_ca_file: " + pki.caFile()) + "auth: {tokens_file: " + tokens + "}\n")
            .security();
    assertThat(security.plaintext()).isFalse();
    assertThat(security.authenticates()).isTrue();
    assertThat(security.clientCaFile()).contains(pki.caFile());
    assertThat(security.tokens().orElseThrow().size()).isEqualTo(1);
    assertThat(security.warning()).isEmpty();
    assertThat(security.toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  void tlsWithoutClientAuthWarns() throws Exception {
    assertThat(loader.parse("c.yaml", tls("")).security().warning())
        .hasValueSatisfying(w -> assertThat(w).contains("any client may claim any agent_id"));
  }

  @Test
  void everyCredentialProblemAtOnce() throws Exception {
    Path open = Files.writeString(dir.resolve("open-tokens"), "agent-a 0123456789abcdef-a\n");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(server.keyFile(), PosixFilePermissions.fromString("rw-rw-r--"));
    assertThat(
            problems(
                "server:\n  plaintext: true\n  tls: {cert_file: "
                    + dir.resolve("missing.pem")
                    + ", key_file: "
                    + server.keyFile()
                    + "}\nauth: {tokens_file: "
                    + open
                    + "}\n"))
        .containsExactlyInAnyOrder(
            "c.yaml: server.tls.cert_file: "
                + dir.resolve("missing.pem")
                + " (expected: an existing PEM file; there is no such file)",
            "c.yaml: server.tls.key_file: "
                + server.keyFile()
                + " (expected: a file others cannot read; it is world-readable (chmod 600 it))",
            "c.yaml: auth.tokens_file: "
                + open
                + " (expected: a file others cannot read; it is world-readable (chmod 600 it))",
            "c.yaml: server.tls: given with plaintext chosen (expected: one of server.tls, or"
                + " server.plaintext: true / --plaintext)");
  }

  @Test
  void unloadablePemIsAProblemNotACrash() throws Exception {
    Files.writeString(
        server.certFile(), "-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----\n");
    assertThat(problems(tls("")))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith("c.yaml: server.tls.cert_file: cannot load the PEM files ("));
  }

  @Test
  void badTokenLinesAreNamedByLine() throws Exception {
    Path tokens = secretFile("tokens", "agent-a tiny\n");
    assertThat(problems(tls("") + "auth: {tokens_file: " + tokens + "}\n"))
        .containsExactly(
            "c.yaml: auth.tokens_file: line 1: token too short or not printable ASCII (expected:"
                + " at least 16 printable ASCII characters)");
  }

  private String tls(String extra) {
    return "server:\n  tls: {cert_file: "
        + server.certFile()
        + ", key_file: "
        + server.keyFile()
        + extra
        + "}\n";
  }

  private Path secretFile(String name, String text) throws Exception {
    Path file = Files.writeString(dir.resolve(name), text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private List<String> problems(String yaml) {
    try {
      loader.parse("c.yaml", yaml);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems for:\n" + yaml);
  }

  @Test
  void aConfigWithAMissingTlsKeyIsNamed() {
    assertThatThrownBy(
            () -> loader.parse("c.yaml", "server: {tls: {cert_file: " + server.certFile() + "}}"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "c.yaml: server.tls.key_file: missing (expected: a PEM file)"));
  }
}
