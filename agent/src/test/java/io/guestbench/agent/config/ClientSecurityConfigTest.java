package io.guestbench.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.common.config.ConfigException;
import io.guestbench.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSecurityConfigTest {
  @TempDir Path dir;
  private AgentConfigLoader loader;
  private TestPki pki;

  @BeforeEach
  void setUp() throws Exception {
    Path hostname = Files.writeString(dir.resolve("hostname"), "agent-a\n");
    loader =
        new AgentConfigLoader(
            new ProbeCatalog(Set.of(new AgentConfigLoaderTest.OnlyKernelProbe())),
            new HostName(hostname));
    pki = TestPki.create(dir, "ops");
  }

  @Test
  void mutualTls() throws Exception {
    TestPki.Issued me = pki.client("agent-a");
    ClientSecurity security =
        parse(
                "tls: {ca_file: %s, cert_file: %s, key_file: %s, server_name: collector.internal}"
                    .formatted(pki.caFile(), me.certFile(), me.keyFile()))
            .security();
    assertThat(security.plaintext()).isFalse();
    assertThat(security.caFile()).contains(pki.caFile());
    assertThat(security.certFile()).contains(me.certFile());
    assertThat(security.serverName()).contains("collector.internal");
    assertThat(security.describe()).isEqualTo("TLS, client certificate");
  }

  @Test
  void tokenIsReadButNeverShown() throws Exception {
    Path token = secret("token", "0123456789abcdef-secret\n");
    CollectorTarget target =
        parse("tls: {ca_file: %s}%n  token_file: %s".formatted(pki.caFile(), token));
    assertThat(target.security().token().orElseThrow().reveal())
        .isEqualTo("0123456789abcdef-secret");
    assertThat(target.toString()).doesNotContain("0123456789abcdef");
    assertThat(target.security().describe()).isEqualTo("TLS, token");
  }

  @Test
  void aWorldReadableTokenIsRefused() throws Exception {
    Path token = secret("token", "0123456789abcdef-secret\n");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(problems("tls: {}\n  token_file: " + token))
        .containsExactly(
            "a.yaml: collector.token_file: "
                + token
                + " (expected: a file others cannot read; it is world-readable (chmod 600 it))");
  }

  @Test
  void credentialsNeverTravelInTheClear() throws Exception {
    Path token = secret("token", "0123456789abcdef-secret\n");
    assertThat(problems("plaintext: true\n  token_file: " + token))
        .containsExactly(
            "a.yaml: collector.token_file: set with plaintext (expected: a tls section; a token"
                + " must not travel in the clear)");
  }

  @Test
  void halfAClientCertificateAndBrokenPemAreNamed() throws Exception {
    TestPki.Issued me = pki.client("agent-a");
    assertThat(problems("tls: {cert_file: " + me.certFile() + "}"))
        .containsExactly(
            "a.yaml: collector.tls.key_file: missing (expected: cert_file and key_file together)");
    Files.writeString(me.certFile(), "not a certificate\n");
    assertThat(
            problems("tls: {cert_file: %s, key_file: %s}".formatted(me.certFile(), me.keyFile())))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith("a.yaml: collector.tls.cert_file: cannot load the PEM files ("));
  }

  private CollectorTarget parse(String collectorKeys) throws ConfigException {
    return loader.parse("a.yaml", yaml(collectorKeys)).collector();
  }

  private List<String> problems(String collectorKeys) {
    try {
      loader.parse("a.yaml", yaml(collectorKeys));
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems for " + collectorKeys);
  }

  private static String yaml(String collectorKeys) {
    return "collector:\n  address: 127.0.0.1:7070\n  "
        + collectorKeys
        + "\nimds: {enabled: false}\nplan: {probes: [{probe: cpu.compute}]}\n";
  }

  private Path secret(String name, String text) throws Exception {
    Path file = Files.writeString(dir.resolve(name), text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
