package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rendered user-data's boot step, run for real the way cloud-init's runcmd runs it on a
 * guestbench AMI: in a private mount namespace whose /etc is a copy of this machine's with what
 * install.sh leaves on the AMI (the guestbench user and group, the agent unit, not enabled) plus
 * the user-data's files written with their owners and modes, and whose /opt holds the real agent
 * jar behind /opt/guestbench/current/bin/guestbench-agent. Real runuser, real agent validate, real
 * systemctl: the unit must be enabled (its symlink in multi-user.target.wants) only when validate
 * passed. systemd is not PID 1 here, so {@code enable} works on the files and the {@code --now}
 * start is refused: nothing is started. Needs root for the mount namespace.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CloudInitBootStepIT extends RealProcessTest {
  private static final Path RENDER =
      Path.of("..", "deploy", "cloud-init", "render-user-data.sh").toAbsolutePath().normalize();
  private static final int GUESTBENCH_ID = 64123;
  private static final String NOT_ENABLED =
      "guestbench: /etc/guestbench/agent.yaml is not valid (problems above);"
          + " guestbench-agent.service not enabled";

  private Path image;

  @BeforeEach
  void bakedImage() throws Exception {
    assertThat(ServiceUser.root()).as("a mount namespace needs root").isTrue();
    image = dir.resolve("image");
    Files.createDirectories(image);
    must("cp", "-a", "/etc", image.resolve("etc").toString());
    Path etc = image.resolve("etc");
    for (String db : List.of("passwd", "group")) {
      assertThat(Files.readString(etc.resolve(db)))
          .as("uid/gid %d is free here", GUESTBENCH_ID)
          .doesNotContain(":" + GUESTBENCH_ID + ":")
          .doesNotContain("\nguestbench:");
    }
    Files.writeString(
        etc.resolve("passwd"),
        "guestbench:x:%d:%d::/nonexistent:/usr/sbin/nologin\n"
            .formatted(GUESTBENCH_ID, GUESTBENCH_ID),
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(
        etc.resolve("group"),
        "guestbench:x:%d:\n".formatted(GUESTBENCH_ID),
        java.nio.file.StandardOpenOption.APPEND);
    Files.createDirectories(etc.resolve("guestbench"));
    // The shipped unit and release launcher, in the release layout install.sh makes.
    Files.createDirectories(etc.resolve("systemd/system"));
    Files.copy(
        Path.of("../deploy/systemd/guestbench-agent.service"),
        etc.resolve("systemd/system/guestbench-agent.service"));
    Path release = image.resolve("opt/guestbench/test");
    Files.createDirectories(image.resolve("opt/guestbench"));
    Files.createSymbolicLink(image.resolve("opt/guestbench/current"), Path.of("test"));
    // The release's files inside the image, since /opt is replaced; the JDK stays outside.
    assertThat(ProcessRunner.java()).as("a JDK outside /opt").doesNotStartWith("/opt/");
    for (String d : List.of("bin", "lib", "jvm")) {
      Files.createDirectories(release.resolve(d));
    }
    Files.copy(
        Path.of(System.getProperty("guestbench.jvm.options"), "agent.options"),
        release.resolve("jvm/agent.options"));
    Files.copy(
        Path.of(System.getProperty("guestbench.agent.jar")),
        release.resolve("lib/guestbench-agent.jar"));
    Path launcher = release.resolve("bin/guestbench-agent");
    Files.copy(Path.of("../deploy/bin/guestbench-agent"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(enabled()).isFalse();
  }

  @Test
  void aGoodUserDataEnablesTheAgentAfterValidatingIt() throws Exception {
    var boot = boot(render());
    assertThat(boot.out()).contains("/etc/guestbench/agent.yaml: ok (agent ");
    assertThat(boot.err()).doesNotContain(NOT_ENABLED);
    assertThat(enabled()).as("guestbench-agent.service enabled; stderr: " + boot.err()).isTrue();
  }

  @Test
  void aUserDataWithoutCollectorAddressLeavesTheAgentDisabled() throws Exception {
    UserData good = render();
    String config = good.file(UserData.ETC + "agent.yaml").content();
    var boot =
        boot(
            good.withFile(
                UserData.ETC + "agent.yaml", config.replace("  address: 127.0.0.1:7070\n", "")));
    assertRefused(
        boot,
        "/etc/guestbench/agent.yaml: collector.address: missing (expected: host:port of the"
            + " collector)");
  }

  @Test
  void aTokenTheServiceUserCannotReadLeavesTheAgentDisabled() throws Exception {
    var boot = boot(render().withPermissions(UserData.ETC + "agent.token", "0600"));
    assertRefused(
        boot,
        "/etc/guestbench/agent.yaml: collector.token_file: /etc/guestbench/agent.token (expected:"
            + " a file this user can read; permission denied)");
  }

  @Test
  void anAbsentTokenLeavesTheAgentDisabled() throws Exception {
    var boot = boot(render().withFile(UserData.ETC + "agent.token", null));
    assertRefused(
        boot,
        "/etc/guestbench/agent.yaml: collector.token_file: /etc/guestbench/agent.token (expected:"
            + " an existing file; there is no such file)");
  }

  private void assertRefused(ProcessRunner.Finished boot, String problem) throws Exception {
    assertThat(boot.exit()).isEqualTo(1);
    assertThat(boot.err().strip().lines().toList()).containsExactly(problem, NOT_ENABLED);
    assertThat(enabled()).as("guestbench-agent.service enabled").isFalse();
  }

  private UserData render() throws Exception {
    Path token = dir.resolve("agent.token");
    Files.writeString(token, "gb-5be07c93d1\n");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    Path out = dir.resolve("user-data.yaml");
    var rendered =
        runner.run(
            "render",
            60,
            List.of(
                RENDER.toString(),
                "--collector",
                "127.0.0.1:7070",
                "--experiment",
                "boot-step",
                "--token-file",
                token.toString(),
                "--output",
                out.toString()));
    assertThat(rendered.exit()).as(rendered.err()).isZero();
    return UserData.read(out);
  }

  /** Writes the user-data's files into the image and runs its runcmd there, as cloud-init would. */
  private ProcessRunner.Finished boot(UserData data) throws Exception {
    data.writeAsCloudInit(image, Map.of("guestbench", GUESTBENCH_ID));
    Path script = dir.resolve("runcmd");
    Files.writeString(script, "#!/bin/sh\n" + String.join("\n", data.runcmd()));
    List<String> command =
        new ArrayList<>(
            List.of(
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "sh",
                "-c",
                "mount --bind \"$1/etc\" /etc && mount --bind \"$1/opt\" /opt && exec sh \"$2\"",
                "boot",
                image.toString(),
                script.toString()));
    return runner.run("boot", 120, command);
  }

  private boolean enabled() {
    return Files.isSymbolicLink(
        image.resolve("etc/systemd/system/multi-user.target.wants/guestbench-agent.service"));
  }

  private void must(String... command) throws Exception {
    var result = runner.run("setup", 60, List.of(command));
    assertThat(result.exit()).as(String.join(" ", command) + ": " + result.err()).isZero();
  }
}
