package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.guestbench.testing.TestPki;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent's cloud-init user-data (deploy/cloud-init): the committed examples and what
 * render-user-data.sh writes pass {@code cloud-init schema}; the agent config they write passes the
 * real {@code agent validate}, run as an unprivileged user the way the boot step runs it as the
 * service's user; a missing collector address or an absent or unreadable token fails that step with
 * one clear line; the renderer refuses bad input with one line per problem.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CloudInitUserDataIT extends RealProcessTest {
  private static final Path DIR =
      Path.of("..", "deploy", "cloud-init").toAbsolutePath().normalize();
  private static final String TOKEN = "gb-9f2c41d07a3e";

  @ParameterizedTest
  @ValueSource(strings = {"agent-token.user-data.yaml", "agent-mtls.user-data.yaml"})
  void committedExamplesAreValidCloudConfig(String example) throws Exception {
    assertSchemaValid(DIR.resolve(example));
  }

  @Test
  void theTokenExampleIsWhatTheRendererWrites() throws Exception {
    Path example = DIR.resolve("agent-token.user-data.yaml");
    Path token = secret("agent.token", UserData.read(example).file(UserData.ETC + "agent.token"));
    var rendered =
        runner.run("render", 60, renderCommand(exampleArgs("--token-file", token.toString())));
    assertThat(rendered.exit()).as(rendered.err()).isZero();
    assertThat(rendered.out()).isEqualTo(Files.readString(example));
  }

  @Test
  void theMutualTlsExampleIsWhatTheRendererWrites() throws Exception {
    Path example = DIR.resolve("agent-mtls.user-data.yaml");
    UserData data = UserData.read(example);
    List<String> args =
        exampleArgs(
            "--tls-ca",
            secret("ca.crt", data.file(UserData.ETC + "tls/ca.crt")).toString(),
            "--tls-cert",
            secret("agent.crt", data.file(UserData.ETC + "tls/agent.crt")).toString(),
            "--tls-key",
            secret("agent.key", data.file(UserData.ETC + "tls/agent.key")).toString());
    var rendered = runner.run("render", 60, renderCommand(args));
    assertThat(rendered.exit()).as(rendered.err()).isZero();
    assertThat(rendered.out()).isEqualTo(Files.readString(example));
  }

  @Test
  void renderedTokenUserDataWritesAConfigTheAgentAccepts() throws Exception {
    UserData data = renderTokenUserData();
    assertThat(data.file(UserData.ETC + "agent.token"))
        .isEqualTo(
            new UserData.Written(
                UserData.ETC + "agent.token", "root:guestbench", "0640", TOKEN + "\n"));
    assertThat(data.file(UserData.ETC + "agent.yaml").content())
        .contains("labels: {experiment: pv-vs-hvm-m3}")
        .contains("address: 127.0.0.1:7070")
        .contains("token_file: /etc/guestbench/agent.token")
        .contains("- {probe: os.syscall}");
    assertBootStepValidatesBeforeEnabling(data);

    var result = validate(data);
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).contains(": ok (agent ").contains("collector 127.0.0.1:7070");
  }

  @Test
  void renderedMutualTlsUserDataWritesAConfigTheAgentAccepts() throws Exception {
    TestPki pki = TestPki.create(dir, "cloud-init");
    TestPki.Issued agent = pki.client("agent-1");
    Path out = dir.resolve("mtls.user-data.yaml");
    var rendered =
        render(
            "--tls-ca", pki.caFile().toString(),
            "--tls-cert", agent.certFile().toString(),
            "--tls-key", agent.keyFile().toString(),
            "--output", out.toString());
    assertThat(rendered.exit()).as(rendered.err()).isZero();
    assertThat(rendered.out()).isEmpty();
    assertThat(Files.getPosixFilePermissions(out))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertSchemaValid(out);
    UserData data = UserData.read(out);
    assertThat(data.file(UserData.ETC + "tls/agent.key").permissions()).isEqualTo("0640");
    assertThat(data.file(UserData.ETC + "tls/agent.key").content())
        .isEqualTo(Files.readString(agent.keyFile()));
    assertBootStepValidatesBeforeEnabling(data);

    var result = validate(data);
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).contains(": ok (agent ");
  }

  @Test
  void aUserDataWithoutCollectorAddressFailsTheBootStepWithOneClearLine() throws Exception {
    UserData good = renderTokenUserData();
    String config = good.file(UserData.ETC + "agent.yaml").content();
    assertThat(config).contains("  address: 127.0.0.1:7070\n");
    // Still valid cloud-config: only the agent's own check can catch it, at boot.
    UserData edited =
        good.withFile(
            UserData.ETC + "agent.yaml", config.replace("  address: 127.0.0.1:7070\n", ""));
    Path file = dir.resolve("no-address.user-data.yaml");
    edited.write(file);
    assertSchemaValid(file);

    var result = validate(UserData.read(file));
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err().strip().lines().toList())
        .singleElement(STRING)
        .endsWith("agent.yaml: collector.address: missing (expected: host:port of the collector)");
  }

  @Test
  void aUserDataWithoutTheTokenFileFailsTheBootStepWithOneClearLine() throws Exception {
    UserData edited = renderTokenUserData().withFile(UserData.ETC + "agent.token", null);
    var result = validate(edited);
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err().strip().lines().toList())
        .singleElement(STRING)
        .contains("collector.token_file: ")
        .endsWith(
            "/etc/guestbench/agent.token (expected: an existing file; there is no such file)");
  }

  @Test
  void aTokenFileTheServiceUserCannotReadFailsTheBootStepWithOneClearLine() throws Exception {
    UserData data = renderTokenUserData();
    Path base = dir.resolve("root");
    Path config = data.writeUnder(base);
    // Mode 0000: as the service's user the agent cannot read it.
    Path token = base.resolve("etc/guestbench/agent.token");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("---------"));
    var result = validateAsServiceUser(base, config);
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err().strip().lines().toList())
        .singleElement(STRING)
        .endsWith("agent.token (expected: a file this user can read; permission denied)");
  }

  @Test
  void theRendererRefusesAMissingOrBadCollectorAddress() throws Exception {
    Path token = secret("t", new UserData.Written("", "", "", TOKEN));
    assertRefused(
        List.of("--experiment", "x", "--token-file", token.toString()),
        "render-user-data.sh: --collector: missing (expected: HOST:PORT of the collector's gRPC"
            + " port, e.g. collector.internal:7070)");
    assertRefused(
        List.of(
            "--collector",
            "collector.internal",
            "--experiment",
            "x",
            "--token-file",
            token.toString()),
        "render-user-data.sh: --collector: 'collector.internal' (expected: HOST:PORT, e.g."
            + " collector.internal:7070 or [fd00::5]:7070)");
    assertRefused(
        List.of("--collector", "c:70000", "--experiment", "x", "--token-file", token.toString()),
        "render-user-data.sh: --collector: 'c:70000' (expected: HOST:PORT, e.g."
            + " collector.internal:7070 or [fd00::5]:7070)");
  }

  @Test
  void theRendererRefusesAnAbsentUnreadableOrMalformedToken() throws Exception {
    Path absent = dir.resolve("absent.token");
    assertRefused(
        args("--token-file", absent.toString()),
        "render-user-data.sh: --token-file "
            + absent
            + ": no such file (expected: a readable"
            + " file holding the token)");
    Path spaced = secret("spaced.token", new UserData.Written("", "", "", "two words"));
    assertRefused(
        args("--token-file", spaced.toString()),
        "render-user-data.sh: --token-file "
            + spaced
            + ": not a token (expected: one line of"
            + " printable ASCII without spaces)");
    assertRefused(
        List.of("--collector", "c:7070", "--experiment", "x"),
        "render-user-data.sh: --token-file or --tls-cert with --tls-key: missing (expected: a"
            + " token the collector accepts, or a client certificate for mutual TLS)");

    Path unreadable = secret("unreadable.token", new UserData.Written("", "", "", TOKEN));
    Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
    ServiceUser.openDirectory(dir);
    List<String> command =
        ServiceUser.command(renderCommand(args("--token-file", unreadable.toString())));
    var result = runner.run("render-unreadable", 60, command);
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().strip())
        .isEqualTo(
            "render-user-data.sh: --token-file "
                + unreadable
                + ": cannot read it, permission"
                + " denied (expected: a readable file holding the token)");
  }

  @Test
  void theRendererRefusesBadCredentialsPlansAndLabels() throws Exception {
    TestPki pki = TestPki.create(dir, "bad");
    TestPki.Issued agent = pki.client("agent-1");
    Path token = secret("t", new UserData.Written("", "", "", TOKEN));
    assertRefused(
        args("--tls-cert", agent.certFile().toString()),
        "render-user-data.sh: --tls-key: missing (expected: --tls-cert and --tls-key together)");
    assertRefused(
        args(
            "--token-file",
            token.toString(),
            "--tls-cert",
            agent.certFile().toString(),
            "--tls-key",
            agent.keyFile().toString()),
        "render-user-data.sh: --token-file and --tls-cert/--tls-key: both given (expected: one"
            + " way for the agent to prove who it is)");
    Path sec1 = traditionalEcKey();
    assertRefused(
        args("--tls-cert", agent.certFile().toString(), "--tls-key", sec1.toString()),
        "render-user-data.sh: --tls-key "
            + sec1
            + ": not a PKCS#8 PEM key (expected: -----BEGIN"
            + " PRIVATE KEY-----; convert with openssl pkcs8 -topk8 -nocrypt -in KEY)");
    assertRefused(
        args("--token-file", token.toString(), "--label", "virt_type=xen-pv"),
        "render-user-data.sh: --label virt_type: the agent detects the virtualization type;"
            + " declared in user-data both twins would carry one value");
    Path withId = dir.resolve("with-id.yaml");
    Files.writeString(withId, "agent: {id: twin}\nplan: {probes: [{probe: os.syscall}]}\n");
    assertRefused(
        args("--token-file", token.toString(), "--plan", withId.toString()),
        "render-user-data.sh: --plan "
            + withId
            + ": agent.id is set (expected: no id, so that"
            + " each instance uses its host name; both twins get this user-data)");
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "plan:\n  probes:\n" + "    - {probe: os.syscall}\n".repeat(700));
    var tooBig =
        runner.run(
            "render-big",
            60,
            renderCommand(args("--token-file", token.toString(), "--plan", big.toString())));
    assertThat(tooBig.exit()).isEqualTo(2);
    assertThat(tooBig.out()).isEmpty();
    assertThat(tooBig.err().strip())
        .matches(
            "render-user-data\\.sh: the user-data would be \\d+ bytes \\(expected: at most 16384,"
                + " EC2's limit; .*\\)");
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "plan: [\n");
    var result =
        runner.run(
            "render-broken",
            60,
            renderCommand(args("--token-file", token.toString(), "--plan", broken.toString())));
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err().strip())
        .startsWith("render-user-data.sh: --plan " + broken + ": not YAML (");
  }

  // --- helpers ------------------------------------------------------------------------------

  private UserData renderTokenUserData() throws Exception {
    Path token = secret("agent.token", new UserData.Written("", "", "", TOKEN + "\n"));
    Path out = dir.resolve("token.user-data.yaml");
    var rendered = render("--token-file", token.toString(), "--output", out.toString());
    assertThat(rendered.exit()).as(rendered.err()).isZero();
    assertSchemaValid(out);
    return UserData.read(out);
  }

  private static List<String> args(String... credentials) {
    List<String> all =
        new ArrayList<>(List.of("--collector", "127.0.0.1:7070", "--experiment", "pv-vs-hvm-m3"));
    all.addAll(List.of(credentials));
    return all;
  }

  /** The flags the committed examples were rendered with (deploy/cloud-init/README.md). */
  private static List<String> exampleArgs(String... credentials) {
    List<String> all =
        new ArrayList<>(
            List.of("--collector", "collector.internal:7070", "--experiment", "pv-vs-hvm"));
    all.addAll(List.of(credentials));
    return all;
  }

  private ProcessRunner.Finished render(String... credentials) throws Exception {
    return runner.run("render", 60, renderCommand(args(credentials)));
  }

  private static List<String> renderCommand(List<String> args) {
    List<String> command = new ArrayList<>(List.of(DIR.resolve("render-user-data.sh").toString()));
    command.addAll(args);
    return command;
  }

  private void assertRefused(List<String> args, String line) throws Exception {
    Path out = dir.resolve("refused.user-data.yaml");
    List<String> withOutput = new ArrayList<>(args);
    withOutput.addAll(List.of("--output", out.toString()));
    var result = runner.run("refused", 60, renderCommand(withOutput));
    assertThat(result.exit()).as(result.err()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().strip()).isEqualTo(line);
    assertThat(out).doesNotExist();
  }

  /** A file with the content of a user-data entry, readable by its owner only. */
  private Path secret(String name, UserData.Written entry) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, entry.content());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  /** A private key in the traditional (SEC1) PEM form, which the agent cannot load. */
  private Path traditionalEcKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(generator.generateKeyPair());
    }
    assertThat(pem.toString()).startsWith("-----BEGIN EC PRIVATE KEY-----");
    Path file = dir.resolve("sec1.key");
    Files.writeString(file, pem.toString());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private void assertSchemaValid(Path file) throws Exception {
    var result =
        runner.run(
            "schema", 120, List.of("cloud-init", "schema", "--config-file", file.toString()));
    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("Valid cloud-config: " + file);
  }

  /** The boot step checks the config as the service's user, then enables the unit, or fails. */
  private static void assertBootStepValidatesBeforeEnabling(UserData data) {
    assertThat(data.runcmd()).hasSize(1);
    String script = data.runcmd().getFirst();
    assertThat(script)
        .startsWith(
            "if runuser -u guestbench -- /opt/guestbench/current/bin/guestbench-agent validate"
                + " --config /etc/guestbench/agent.yaml; then\n"
                + "  systemctl enable --now guestbench-agent.service\nelse\n")
        .contains("guestbench-agent.service not enabled\" >&2\n  exit 1\nfi");
  }

  /** Writes the user-data's files under a scratch root and validates them as the service would. */
  private ProcessRunner.Finished validate(UserData data) throws Exception {
    Path base = dir.resolve("root");
    Path config = data.writeUnder(base);
    return validateAsServiceUser(base, config);
  }

  private ProcessRunner.Finished validateAsServiceUser(Path base, Path config) throws Exception {
    ServiceUser.handOver(base);
    ServiceUser.openDirectory(dir);
    return runner.run(
        "validate",
        60,
        ServiceUser.command(
            ProcessRunner.jar("guestbench.agent.jar", "validate", "--config", config.toString())));
  }
}
