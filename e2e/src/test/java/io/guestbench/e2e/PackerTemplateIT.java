package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * deploy/packer/guestbench-agent.pkr.hcl passes {@code packer validate} and {@code packer fmt
 * -check}, and validate catches what would break a build. Packer runs in a network namespace of its
 * own with only loopback up, with dummy AWS credentials and the metadata service disabled, so it
 * cannot reach AWS or 169.254.169.254 whatever it tries.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PackerTemplateIT extends RealProcessTest {
  private static final Path PACKER_DIR =
      Path.of("..", "deploy", "packer").toAbsolutePath().normalize();
  private static final String TEMPLATE = "guestbench-agent.pkr.hcl";

  private String netns;
  private Path release;
  private Path jdk;

  @BeforeEach
  void isolatedNetwork() throws Exception {
    netns = "gbpk" + Integer.toHexString(0x1000 + new SecureRandom().nextInt(0xefff));
    must("ip", "netns", "add", netns);
    must("ip", "-n", netns, "link", "set", "lo", "up");
    var route = runner.run("route", 10, inNamespace("ip", "route", "get", "169.254.169.254"));
    assertThat(route.exit()).as("no route to the metadata service").isNotZero();
    assertThat(route.err()).contains("Network is unreachable");
    // validate checks only that upload sources exist; ship-install's tests cover the tarball.
    release = Files.writeString(dir.resolve("guestbench-release.tar.gz"), "");
    jdk = Files.writeString(dir.resolve("jdk-25.tar.gz"), "");
  }

  @AfterEach
  void deleteNetwork() throws Exception {
    if (netns != null) {
      must("ip", "netns", "del", netns);
    }
  }

  @Test
  void templateValidatesWithBothSourcesAndIsFormatted() throws Exception {
    var result = packer("validate", good(), PACKER_DIR.resolve(TEMPLATE));
    assertThat(result.exit()).as(result.out() + result.err()).isZero();

    var fmt = packer("fmt", List.of("-check"), PACKER_DIR.resolve(TEMPLATE));
    assertThat(fmt.exit()).as("packer fmt -check: " + fmt.out() + fmt.err()).isZero();
  }

  @Test
  void inspectShowsTwinSourcesAndTheProjectVersion() throws Exception {
    var result = packer("inspect", good(), PACKER_DIR.resolve(TEMPLATE));
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("var.version: \"" + System.getProperty("guestbench.version") + "\"")
        .contains("var.instance_type: \"m3.medium\"")
        .containsSubsequence("sources:", "amazon-ebs.pv", "amazon-ebs.hvm")
        .containsSubsequence("provisioners:", "file", "file", "shell");
    String hcl = Files.readString(PACKER_DIR.resolve(TEMPLATE));
    assertThat(hcl)
        .containsSubsequence(
            "source \"amazon-ebs\" \"pv\"",
            "instance_type              = var.instance_type",
            "ami_virtualization_type    = \"paravirtual\"",
            "virtualization-type = \"paravirtual\"",
            "source \"amazon-ebs\" \"hvm\"",
            "instance_type              = var.instance_type",
            "ami_virtualization_type    = \"hvm\"",
            "virtualization-type = \"hvm\"");
  }

  @Test
  void aMissingRequiredVariableFailsValidate() throws Exception {
    List<String> vars = new ArrayList<>(good());
    int at = vars.indexOf("pv_source_ami_name=debian-12-pv-*");
    vars.subList(at - 1, at + 1).clear();
    var result = packer("validate", vars, PACKER_DIR.resolve(TEMPLATE));
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out() + result.err()).contains("Unset variable \"pv_source_ami_name\"");
  }

  @Test
  void anInstanceTypeWithoutPvFailsValidate() throws Exception {
    List<String> vars = new ArrayList<>(good());
    vars.addAll(List.of("-var", "instance_type=m5.large"));
    var result = packer("validate", vars, PACKER_DIR.resolve(TEMPLATE));
    assertThat(result.exit()).isEqualTo(1);
    assertThat(String.join(" ", (result.out() + result.err()).split("\\s+")))
        .contains("PV runs only on previous-generation types (t1, m1, m2, m3, c1, c3, hs1)");
  }

  @Test
  void anAbsentReleaseTarballFailsValidate() throws Exception {
    Path absent = dir.resolve("guestbench-9.9.9.tar.gz");
    List<String> vars = new ArrayList<>(good());
    vars.set(vars.indexOf("release_tarball=" + release), "release_tarball=" + absent);
    var result = packer("validate", vars, PACKER_DIR.resolve(TEMPLATE));
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out() + result.err()).contains("Bad source '" + absent + "'");
  }

  @Test
  void aBrokenOrUnformattedTemplateIsCaught() throws Exception {
    String hcl = Files.readString(PACKER_DIR.resolve(TEMPLATE));
    Path copy = dir.resolve("packer");
    Files.createDirectories(copy);
    Files.copy(PACKER_DIR.resolve("bake-agent.sh"), copy.resolve("bake-agent.sh"));
    Path broken = Files.writeString(copy.resolve(TEMPLATE), hcl.replace("build {", "build {{"));
    var invalid = packer("validate", good(), broken);
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.out() + invalid.err()).contains("Error");

    Path unformatted =
        Files.writeString(
            copy.resolve("unformatted.pkr.hcl"),
            hcl.replace("  region                     = var.region", "  region = var.region"));
    var fmt = packer("fmt", List.of("-check"), unformatted);
    assertThat(fmt.exit()).isNotZero();
  }

  @Test
  void theBakeScriptIsValidShell() throws Exception {
    var result =
        runner.run("sh-n", 30, List.of("sh", "-n", PACKER_DIR.resolve("bake-agent.sh").toString()));
    assertThat(result.exit()).as(result.err()).isZero();
  }

  /** The variables of a complete build, every path real. */
  private List<String> good() {
    return List.of(
        "-var",
        "release_tarball=" + release,
        "-var",
        "jdk_tarball=" + jdk,
        "-var",
        "pv_source_ami_name=debian-12-pv-*",
        "-var",
        "hvm_source_ami_name=debian-12-hvm-*");
  }

  /** Runs packer in the template's directory, inside the namespace, without credentials. */
  private ProcessRunner.Finished packer(String command, List<String> args, Path template)
      throws Exception {
    List<String> packer = new ArrayList<>(List.of("packer", command));
    packer.addAll(args);
    packer.add(template.getFileName().toString());
    ProcessBuilder builder =
        new ProcessBuilder(inNamespace(packer.toArray(String[]::new)))
            .directory(template.getParent().toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("PACKER_"));
    env.put("AWS_ACCESS_KEY_ID", "AKIAGUESTBENCHOFFLINE");
    env.put("AWS_SECRET_ACCESS_KEY", "guestbench-offline-validation-only");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("CHECKPOINT_DISABLE", "1");
    env.put("HOME", dir.toString());
    Path out = dir.resolve("packer.out");
    Path err = dir.resolve("packer.err");
    Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("packer " + command + " did not finish within 120 s");
    }
    return new ProcessRunner.Finished(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private List<String> inNamespace(String... command) {
    return NetNamespaces.in(netns, List.of(command));
  }

  private void must(String... command) throws Exception {
    var result = runner.run("ip", 10, List.of(command));
    assertThat(result.exit()).as(String.join(" ", command) + ": " + result.err()).isZero();
  }
}
