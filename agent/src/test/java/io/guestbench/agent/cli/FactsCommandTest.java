package io.guestbench.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestbench.agent.host.FactSource;
import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.host.imds.FakeImds;
import io.guestbench.testing.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FactsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void jsonMatchesTheGoldenFile() throws IOException {
    int code = execute(new FactsCommand(), "--json", "--host-root", fixture("xen-hvm-pv-drivers"));

    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEqualToIgnoringNewLines(golden("facts-xen-hvm-pv-drivers.json"));
  }

  @Test
  void jsonHasTypeFactsAndEveryRule() throws IOException {
    execute(new FactsCommand(), "--json", "--host-root", fixture("xen-pv-old-kernel"));

    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.path("virt_type").asText()).isEqualTo("xen-pv");
    assertThat(root.path("facts").path("xen_pv_drivers").asText()).isEqualTo("true");
    JsonNode fourth = root.path("evidence").get(3);
    assertThat(fourth.path("rule").asText()).isEqualTo("xen_features_pv");
    assertThat(fourth.path("decided").asBoolean()).isTrue();
    assertThat(fourth.path("observed").asText()).contains("features \"000000e0\", bit 5 set");
    assertThat(fourth.path("source").asText()).contains("/sys/hypervisor/");
  }

  @Test
  void tableStartsWithTheTypeThenFactsThenEvidence() {
    int code = execute(new FactsCommand(), "--host-root", fixture("nitro"));

    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.getFirst()).matches("virt_type +nitro");
    assertThat(lines.get(1)).matches("aws_xen +false");
    assertThat(lines).contains("evidence");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        " 8 ec2_nitro +✓ /sys/class/dmi/id/sys_vendor, /proc/cpuinfo +sys_vendor"
                            + " \"Amazon EC2\"; hypervisor flag present → nitro"))
        .anySatisfy(
            l -> assertThat(l).matches(" 1 guest_type_pv +– /sys/hypervisor/guest_type +missing"));
  }

  @Test
  void extraSourcesAreAskedOnlyWhenTheCommandRuns() {
    AtomicInteger asked = new AtomicInteger();
    FactSource imds = () -> Map.of("instance_type", "m5.large");
    FactsCommand command =
        new FactsCommand(
            () -> {
              asked.incrementAndGet();
              return Set.of(imds);
            });
    CommandLine cli = new CommandLine(command);
    assertThat(asked).hasValue(0);

    cli.setOut(new PrintWriter(out)).execute("--host-root", fixture("nitro"), "--no-imds");

    assertThat(asked).hasValue(1);
    assertThat(out.toString()).containsPattern("(?m)^instance_type +m5.large$");
  }

  @Test
  void hostRootThatIsNotADirectoryIsExitCodeTwoWithOneLine(@TempDir Path dir) {
    String missing = dir.resolve("nope").toString();

    int code = execute(new FactsCommand(), "--host-root", missing);

    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "facts: --host-root: " + missing + " is not a directory" + System.lineSeparator());
  }

  /** Runs the command with instance metadata off: tests never reach the real IMDS address. */
  private int execute(FactsCommand command, String... args) {
    return executeWithImds(command, concat(args, "--no-imds"));
  }

  private int executeWithImds(FactsCommand command, String... args) {
    return new CommandLine(command)
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  private static String[] concat(String[] args, String more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = more;
    return all;
  }

  @Test
  void instanceMetadataFromTheEndpointJoinsTheFacts() throws Exception {
    try (FakeImds imds = new FakeImds(new ManualClock(0))) {
      imds.values.put("instance-type", "m3.medium");
      imds.values.put("ami-id", "ami-0abc");
      int code =
          executeWithImds(
              new FactsCommand(),
              "--json",
              "--host-root",
              fixture("xen-hvm-pv-drivers"),
              "--imds-endpoint",
              imds.endpoint().toString());
      assertThat(code).isZero();
      JsonNode facts = new ObjectMapper().readTree(out.toString()).path("facts");
      assertThat(facts.path("instance_type").asText()).isEqualTo("m3.medium");
      assertThat(facts.path("ami_id").asText()).isEqualTo("ami-0abc");
    }
  }

  @Test
  void aBadImdsEndpointIsExitCodeTwo() {
    int code = executeWithImds(new FactsCommand(), "--imds-endpoint", "ftp://nowhere");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--imds-endpoint").doesNotContain("\tat ");
  }

  private static String fixture(String scenario) {
    return HostFixtures.root(scenario).toString();
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = FactsCommandTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
