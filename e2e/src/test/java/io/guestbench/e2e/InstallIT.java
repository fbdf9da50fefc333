package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The release as a user gets it: dist's tarball installed by its own install.sh into a temporary
 * prefix, installed again (nothing changes), upgraded and refused a downgrade with spool and
 * journal kept, and the installed collector and agent started with exactly the command lines of the
 * installed units (ExecStartPre validate, then ExecStart, in the unit's WorkingDirectory, with
 * systemd's environment) until the collector has acknowledged the agent's results.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InstallIT extends InstallerTest {
  private static final Pattern LISTENING =
      Pattern.compile(
          "listening: grpc 127\\.0\\.0\\.1:(\\d+), http http://127\\.0\\.0\\.1:(\\d+)/");
  private static final Pattern STORED =
      Pattern.compile("(?m)^guestbench_collector_results_stored_total(?:\\{[^}]*})? (\\S+)$");

  @Test
  void installsIdempotentlyUpgradesKeepingDataAndRunsAsTheUnitsSay() throws Exception {
    var first = install.run(runner, "install-1", installer, release.file().toString());
    assertThat(first.exit()).as("install.sh: %s", first.err()).isZero();
    assertThat(first.out()).contains("installed guestbench " + release.version());
    checkLayout();

    // The unpacked release installs itself when given no argument: the same release, no change.
    Map<String, String> before = install.snapshot();
    var second = install.run(runner, "install-2", installer);
    assertThat(second.exit()).as("install.sh: %s", second.err()).isZero();
    assertThat(second.out().strip())
        .isEqualTo(
            "install.sh: guestbench %s is already installed in %s; nothing changed"
                .formatted(release.version(), install.prefix));
    assertThat(install.snapshot()).isEqualTo(before);

    runServicesUntilResultsAreAcknowledged("run-1");
    Map<String, String> data = TestInstall.snapshot(install.state);
    assertThat(data.keySet())
        .as("the agent spooled and the collector journaled in their state directories")
        .anyMatch(p -> p.startsWith("agent/install-it/"))
        .anyMatch(p -> p.startsWith("collector/") && p.endsWith(".gbj"));
    String agentConfig = Files.readString(install.etc.resolve("agent.yaml"));

    ReleaseTarball newer = release.repack(dir, "99.0.0", "a changed default");
    var upgrade = install.run(runner, "upgrade", installer, newer.file().toString());
    assertThat(upgrade.exit()).as("install.sh: %s", upgrade.err()).isZero();
    assertThat(upgrade.out())
        .contains("switched " + install.current() + " -> 99.0.0 (was " + release.version())
        .contains("kept your " + install.etc.resolve("agent.yaml"));
    assertThat(Files.readSymbolicLink(install.current())).isEqualTo(Path.of("99.0.0"));
    assertThat(install.prefix.resolve(release.version()).resolve("lib/guestbench-agent.jar"))
        .as("the old version stays for a rollback")
        .isRegularFile();
    assertThat(Files.readString(install.etc.resolve("agent.yaml"))).isEqualTo(agentConfig);
    assertThat(Files.readString(install.etc.resolve("agent.yaml.new")))
        .endsWith("# a changed default\n");
    assertThat(install.etc.resolve("collector.yaml.new"))
        .as("the collector's default did not change")
        .doesNotExist();
    assertThat(TestInstall.snapshot(install.state)).as("spool and journal").isEqualTo(data);

    Map<String, String> upgraded = install.snapshot();
    ReleaseTarball older = release.repack(dir, "0.0.1", "an old default");
    var downgrade = install.run(runner, "downgrade", installer, older.file().toString());
    assertThat(downgrade.exit()).isEqualTo(1);
    assertThat(downgrade.err().strip())
        .isEqualTo(
            "install.sh: guestbench 99.0.0 is installed and 0.0.1 is older; refusing to"
                + " downgrade (pass --force to install it anyway)");
    assertThat(install.snapshot()).isEqualTo(upgraded);

    // The upgraded install runs on the same spool and journal.
    runServicesUntilResultsAreAcknowledged("run-2");
  }

  private void checkLayout() throws Exception {
    assertThat(Files.readSymbolicLink(install.current())).isEqualTo(Path.of(release.version()));
    Path home = install.current();
    for (String program : List.of("agent", "collector")) {
      assertThat(home.resolve("bin/guestbench-" + program)).isExecutable();
      assertThat(home.resolve("lib/guestbench-" + program + ".jar")).isRegularFile();
      // The JVM flags are copied from their single source, not written again.
      assertThat(home.resolve("jvm/" + program + ".options"))
          .hasSameBinaryContentAs(
              Path.of(System.getProperty("guestbench.jvm.options"), program + ".options"));
      assertThat(install.etc.resolve(program + ".yaml")).isRegularFile();
      assertThat(install.units.resolve("guestbench-" + program + ".service")).isRegularFile();
      assertThat(mode(install.state.resolve(program))).isEqualTo("rwxr-x---");
    }
    assertThat(Files.readString(home.resolve("VERSION")).strip()).isEqualTo(release.version());
    // What an experiment needs beside the programs, shipped as in deploy/.
    for (String shared :
        List.of(
            "README.md",
            "plans/pv-vs-hvm.agent.yaml",
            "plans/pv-vs-hvm.collector.yaml",
            "prometheus/guestbench-rules.yml",
            "grafana/dashboards/guestbench-pv-vs-hvm.json")) {
      assertThat(home.resolve("share/" + shared))
          .hasSameBinaryContentAs(Path.of("../deploy/" + shared));
    }
    assertThat(home.resolve("share/cloud-init/render-user-data.sh")).isExecutable();
    assertThat(mode(install.etc)).isEqualTo("rwxr-x---");
    assertThat(mode(install.etc.resolve("tls"))).isEqualTo("rwxr-x---");
    UnitFile agent = install.unit("agent");
    assertThat(agent.value("Service.ExecStart"))
        .isEqualTo(
            "%s/bin/guestbench-agent run --config %s/agent.yaml --spool-dir %s/agent"
                .formatted(install.current(), install.etc, install.state));
    assertThat(agent.value("Service.User")).isEqualTo(install.user);
    assertThat(agent.value("Service.ReadWritePaths"))
        .as("a state directory outside /var/lib cannot be a StateDirectory=")
        .isEqualTo(install.state.resolve("agent").toString());
  }

  /** Collector and agent as their units start them; the agent's finite plan ends once acked. */
  private void runServicesUntilResultsAreAcknowledged(String run) throws Exception {
    Files.writeString(
        install.etc.resolve("collector.yaml"),
        """
        # loopback, plaintext chosen explicitly for the test
        server: {bind: 127.0.0.1, grpc_port: 0, http_port: 0, plaintext: true}
        journal: {dir: %s}
        """
            .formatted(install.state.resolve("collector")));
    UnitFile collectorUnit = install.unit("collector");
    assertThat(service(run + "-collector-pre", collectorUnit, "Service.ExecStartPre").exit())
        .as("collector validate: %s", runner.err(run + "-collector-pre"))
        .isZero();
    Process collector = start(run + "-collector", collectorUnit, "Service.ExecStart");
    int[] ports = new int[2];
    Poll.until(
        "the collector listening",
        60,
        () -> {
          if (!collector.isAlive()) {
            throw new AssertionError("collector exited: " + runner.err(run + "-collector"));
          }
          Matcher m = LISTENING.matcher(runner.out(run + "-collector"));
          if (m.find()) {
            ports[0] = Integer.parseInt(m.group(1));
            ports[1] = Integer.parseInt(m.group(2));
          }
          return m.find(0);
        });

    Files.writeString(
        install.etc.resolve("agent.yaml"),
        """
        agent: {id: install-it, labels: {experiment: install}}
        collector: {address: "127.0.0.1:%d", plaintext: true}
        imds: {enabled: false}
        plan: {rounds: 1, probes: [{probe: cpu.compute, kernel: int, warmup: 100ms, iterations: 3}]}
        """
            .formatted(ports[0]));
    UnitFile agentUnit = install.unit("agent");
    var pre = service(run + "-agent-pre", agentUnit, "Service.ExecStartPre");
    assertThat(pre.exit()).as("agent validate: %s", pre.err()).isZero();
    assertThat(pre.out()).contains("ok (agent install-it");
    Process agent = start(run + "-agent", agentUnit, "Service.ExecStart");
    var ran = runner.await(run + "-agent", agent, 120);
    assertThat(ran.exit()).as("agent: %s", ran.err()).isZero();
    assertThat(ran.err()).contains("collector stored 1 results");

    String metrics = Http.get("http://127.0.0.1:" + ports[1] + "/metrics").body();
    Matcher stored = STORED.matcher(metrics);
    assertThat(stored.find()).as("results_stored_total in %s", metrics).isTrue();
    assertThat(Double.parseDouble(stored.group(1))).isGreaterThanOrEqualTo(1.0);

    collector.destroy(); // SIGTERM, as systemctl stop sends
    long stopSeconds = collectorUnit.seconds("Service.TimeoutStopSec").toSeconds();
    assertThat(collector.waitFor(stopSeconds, TimeUnit.SECONDS))
        .as("the collector stops within the unit's TimeoutStopSec")
        .isTrue();
    assertThat(collector.exitValue()).isZero();
  }

  private ProcessRunner.Finished service(String name, UnitFile unit, String key) throws Exception {
    return runner.await(name, start(name, unit, key), 120);
  }

  private Process start(String name, UnitFile unit, String key) throws Exception {
    return runner.startClean(
        name,
        unit.command(key),
        Path.of(unit.value("Service.WorkingDirectory")),
        systemdEnvironment());
  }

  /**
   * What systemd gives a system service: its default PATH and nothing else. The launcher finds Java
   * 25 under /usr/lib/jvm; a JDK elsewhere is named the way a drop-in would
   * (Environment=GUESTBENCH_JAVA=...).
   */
  private static Map<String, String> systemdEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    String java = ProcessRunner.java();
    if (!java.startsWith("/usr/lib/jvm/")) {
      env.put("GUESTBENCH_JAVA", java);
    }
    return env;
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
