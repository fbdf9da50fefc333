package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.guestbench.agent.config.ClientSecurity;
import io.guestbench.agent.config.CollectorTarget;
import io.guestbench.agent.ship.CollectorChannels;
import io.guestbench.collector.CollectorMain;
import io.guestbench.collector.CollectorRuntime;
import io.guestbench.collector.config.CollectorConfigLoader;
import io.guestbench.common.security.Secret;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's real gRPC server with TLS on loopback, reached through the agent's real channel
 * set-up: client certificates and bearer tokens bind a stream to its agent ids.
 */
class SecureIngestTest {
  private static final String TOKEN_A = "tok-agent-a-0123456789";
  private static final String TOKEN_ANY = "tok-anyone-0123456789";
  @TempDir static Path dir;
  private static TestPki pki;
  private static CollectorRuntime collector;
  private final List<ManagedChannel> channels = new ArrayList<>();

  @BeforeAll
  static void startCollector() throws Exception {
    pki = TestPki.create(dir, "ops");
    TestPki.Issued server = pki.server();
    Path tokens = dir.resolve("tokens");
    Files.writeString(tokens, "agent-a " + TOKEN_A + "\n* " + TOKEN_ANY + "\n");
    Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-------"));
    String yaml =
        """
        server:
          bind: 127.0.0.1
          grpc_port: 0
          http_port: 0
          tls: {cert_file: %s, key_file: %s, client_ca_file: %s}
        auth: {tokens_file: %s}
        shutdown: {grace: 1s}
        """
            .formatted(server.certFile(), server.keyFile(), pki.caFile(), tokens);
    collector = CollectorMain.assemble(new CollectorConfigLoader("c1").parse("c.yaml", yaml));
    collector.start();
  }

  @AfterAll
  static void stopCollector() {
    collector.shutdown();
  }

  @AfterEach
  void closeChannels() throws InterruptedException {
    for (ManagedChannel c : channels) {
      c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aClientCertificateAdmitsItsOwnAgentId() throws Exception {
    TestPki.Issued cert = pki.client("agent-a");
    assertThat(helloAs("agent-a", mtls(cert)).hasWelcome()).isTrue();
  }

  @Test
  void aClientCertificateClaimingAnotherIdIsDenied() throws Exception {
    TestPki.Issued cert = pki.client("agent-a");
    assertThat(refusal("agent-b", mtls(cert)))
        .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED))
        .satisfies(s -> assertThat(s.getDescription()).contains("agent_id agent-b"));
    assertThat(metrics())
        .contains("guestbench_collector_rejected_total{reason=\"wrong_agent_id\"}");
  }

  @Test
  void noCredentialsIsUnauthenticated() throws Exception {
    assertThat(refusal("agent-a", tls(Optional.empty())).getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(metrics())
        .contains("guestbench_collector_rejected_total{reason=\"unauthenticated\"}");
  }

  @Test
  void aCertificateFromAnotherCaIsNotOffered() throws Exception {
    // The server names its client CA in the handshake; a client whose certificate another CA
    // signed has nothing to offer, so the stream arrives without credentials.
    TestPki rogue = TestPki.create(dir, "rogue");
    assertThat(refusal("agent-a", mtls(rogue.client("agent-a"))))
        .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED))
        .satisfies(s -> assertThat(s.getDescription()).contains("no client certificate"));
  }

  @Test
  void tokensAdmitTheIdsTheyAreListedFor() throws Exception {
    assertThat(helloAs("agent-a", tls(Optional.of(TOKEN_A))).hasWelcome()).isTrue();
    assertThat(helloAs("agent-z", tls(Optional.of(TOKEN_ANY))).hasWelcome()).isTrue();
    assertThat(refusal("agent-b", tls(Optional.of(TOKEN_A))).getCode())
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(refusal("agent-a", tls(Optional.of("tok-wrong-0123456789"))).getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(metrics()).contains("guestbench_collector_rejected_total{reason=\"bad_token\"}");
  }

  @Test
  void aPlaintextClientIsNotServed() throws Exception {
    assertThat(refusal("agent-a", ClientSecurity.plaintextChosen()).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
  }

  private CollectorMessage helloAs(String agentId, ClientSecurity security) throws Exception {
    RawAgentStream stream = new RawAgentStream(channel(security));
    stream.send(RawAgentStream.hello(agentId, 1));
    return stream.next();
  }

  private Status refusal(String agentId, ClientSecurity security) throws Exception {
    RawAgentStream stream = new RawAgentStream(channel(security));
    stream.send(RawAgentStream.hello(agentId, 1));
    return stream.closed.get(10, TimeUnit.SECONDS);
  }

  private ManagedChannel channel(ClientSecurity security) throws Exception {
    CollectorTarget target =
        new CollectorTarget(
            "127.0.0.1",
            collector.grpcPort(),
            security,
            Duration.ofMillis(50),
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            4);
    ManagedChannel channel = CollectorChannels.open(target);
    channels.add(channel);
    return channel;
  }

  private static ClientSecurity mtls(TestPki.Issued cert) {
    return new ClientSecurity(
        false,
        Optional.of(pki.caFile()),
        Optional.of(cert.certFile()),
        Optional.of(cert.keyFile()),
        Optional.empty(),
        Optional.empty());
  }

  private static ClientSecurity tls(Optional<String> token) {
    return new ClientSecurity(
        false,
        Optional.of(pki.caFile()),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        token.map(Secret::new));
  }

  private static String metrics() throws Exception {
    return Http.get("http://127.0.0.1:" + collector.httpPort() + "/metrics").body();
  }
}
