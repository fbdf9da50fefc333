package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The systemd units as shipped (hardening, validate before start, restart policy) and as installed
 * for a prefix: {@code systemd-analyze verify} finds nothing, and the offline security analysis
 * stays at or below an exposure of 3.5 ("OK"; 10 is a unit without any sandbox).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SystemdUnitsIT extends RealProcessTest {
  private static final List<String> PROGRAMS = List.of("agent", "collector");

  @Test
  void shippedUnitsAreHardenedAndValidateBeforeStart() throws Exception {
    ReleaseTarball release = ReleaseTarball.built();
    Path unpacked = release.unpack(dir.resolve("release"));
    for (String program : PROGRAMS) {
      UnitFile unit = UnitFile.read(unpacked.resolve("systemd/guestbench-" + program + ".service"));
      String bin = "/opt/guestbench/current/bin/guestbench-" + program;
      String config = "/etc/guestbench/" + program + ".yaml";
      assertThat(unit.value("Service.ExecStartPre"))
          .isEqualTo(bin + " validate --config " + config);
      assertThat(unit.value("Service.ExecStart")).startsWith(bin + " ").contains(config);
      assertThat(unit.value("Service.User")).isEqualTo("guestbench");
      assertThat(unit.value("Service.Group")).isEqualTo("guestbench");
      assertThat(unit.value("Service.StateDirectory")).isEqualTo("guestbench/" + program);
      assertThat(unit.value("Service.ExecStart"))
          .as("the data lives in the state directory")
          .contains(" /var/lib/guestbench/" + program);
      assertThat(unit.value("Service.CapabilityBoundingSet")).isEmpty();
      assertThat(unit.value("Service.AmbientCapabilities")).isEmpty();
      assertThat(unit.value("Service.NoNewPrivileges")).isEqualTo("yes");
      assertThat(unit.value("Service.ProtectSystem")).isEqualTo("strict");
      assertThat(unit.value("Service.ProtectHome")).isEqualTo("yes");
      assertThat(unit.value("Service.PrivateTmp")).isEqualTo("yes");
      assertThat(unit.value("Service.PrivateDevices")).isEqualTo("yes");
      assertThat(unit.value("Service.Restart")).isEqualTo("on-failure");
      assertThat(unit.value("Unit.StartLimitBurst")).isEqualTo("5");
      assertThat(unit.value("Unit.StartLimitIntervalSec")).isEqualTo("10min");
      assertThat(unit.values("Install.WantedBy")).containsExactly("multi-user.target");
    }
    UnitFile collector = UnitFile.read(unpacked.resolve("systemd/guestbench-collector.service"));
    // shutdown.grace defaults to 10 s; the drain starts 1 s after SIGTERM; the JVM needs to exit.
    assertThat(collector.seconds("Service.TimeoutStopSec").toSeconds()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void installedUnitsPassSystemdAnalyze() throws Exception {
    // The service user need not exist for the analysis: --no-user with the shipped name.
    TestInstall install = new TestInstall(dir.resolve("root"), "guestbench");
    Path installer = ReleaseTarball.built().unpack(dir.resolve("download")).resolve("install.sh");
    var result =
        install.run(runner, "install", installer, ReleaseTarball.built().file().toString());
    assertThat(result.exit()).as("install.sh: %s", result.err()).isZero();

    for (String program : PROGRAMS) {
      String unit = install.units.resolve("guestbench-" + program + ".service").toString();
      var verify = runner.run("verify-" + program, 60, List.of("systemd-analyze", "verify", unit));
      assertThat(verify.exit()).as("systemd-analyze verify: %s", verify.err()).isZero();
      assertThat(verify.out() + verify.err()).as("systemd-analyze verify " + unit).isEmpty();

      var security =
          runner.run(
              "security-" + program,
              60,
              List.of("systemd-analyze", "security", "--offline=true", "--threshold=35", unit));
      assertThat(security.exit()).as("exposure above 3.5:%n%s", security.out()).isZero();
    }
  }
}
