package io.guestbench.agent.host.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFile;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ParsersTest {
  @Test
  void cpuinfoCountsProcessorsAndReadsTheFirstFlagsLine() {
    String text =
        "processor\t: 0\nmodel name\t: Xeon\nflags\t\t: fpu hypervisor\n\n"
            + "processor\t: 1\nmodel name\t: Xeon\nflags\t\t: fpu hypervisor\n";

    CpuInfo cpu = CpuInfo.parse(text);

    assertThat(cpu).isEqualTo(new CpuInfo(Optional.of("Xeon"), 2, CpuInfo.Flag.PRESENT));
    assertThat(CpuInfo.parse("flags : fpu hypervisorx\n").hypervisor())
        .isEqualTo(CpuInfo.Flag.ABSENT);
    assertThat(CpuInfo.parse("garbage\n\0\n")).isEqualTo(CpuInfo.UNREADABLE);
  }

  @Test
  void xenFeaturesAreOneHexNumberOrNothing() {
    assertThat(features("000000e0\n")).hasValue(BigInteger.valueOf(0xe0));
    // Two submaps, highest first, as the kernel prints them when XENFEAT_NR_SUBMAPS grows.
    assertThat(features("00000001000020e0"))
        .hasValueSatisfying(b -> assertThat(b.testBit(32)).isTrue());
    assertThat(features("zz-not-hex")).isEmpty();
    assertThat(features("0x20")).isEmpty();
    assertThat(features("")).isEmpty();
  }

  @Test
  void mitigationsSummariseTheFirstClauseAndSkipNotAffected() {
    Map<String, String> status = new TreeMap<>();
    status.put("meltdown", "Mitigation: PTI");
    status.put("spectre_v2", "Mitigation: Retpolines; IBPB: conditional; STIBP: disabled");
    status.put("srbds", "Not affected");
    status.put("spec_store_bypass", "Vulnerable");

    assertThat(Mitigations.summary(status))
        .isEqualTo(
            "meltdown=Mitigation: PTI;spec_store_bypass=Vulnerable;spectre_v2=Mitigation: Retpolines");
    assertThat(Mitigations.vulnerable(status)).isEqualTo("spec_store_bypass");
    assertThat(Mitigations.summary(Map.of("srbds", "Not affected"))).isEqualTo("none affected");
    assertThat(Mitigations.vulnerable(Map.of())).isEqualTo("none");
  }

  @Test
  void cgroupNamesTheRuntimeKubernetesFirst() {
    assertThat(SubModes.cgroupRuntime("12:memory:/docker/3f2a\n")).hasValue("docker");
    assertThat(SubModes.cgroupRuntime("0::/kubepods.slice/kubepods-pod1/docker-ab.scope"))
        .hasValue("kubernetes");
    assertThat(SubModes.cgroupRuntime("0::/machine.slice/libpod-ab.scope")).hasValue("podman");
    assertThat(SubModes.cgroupRuntime("0::/init.scope\n")).isEmpty();
  }

  @Test
  void textIsOnePrintableLineOfAtMost256Characters() {
    assertThat(Text.line(" a\tb\nc\u0001 ")).isEqualTo("a b c?");
    assertThat(Text.line("x".repeat(300))).hasSize(256).endsWith("…");
    assertThat(Text.describe(new HostFile("/p", "  \n", null))).isEqualTo("empty");
    assertThat(Text.describe(new HostFile("/p", null, "missing"))).isEqualTo("missing");
    assertThat(Text.describe(new HostFile("/p", "HVM\n", null))).isEqualTo("\"HVM\"");
  }

  private static Optional<BigInteger> features(String text) {
    HostFile file = new HostFile(HostPaths.XEN_FEATURES, text, null);
    Map<String, HostFile> files = Map.of(HostPaths.XEN_FEATURES, file);
    return Signals.of(new HostSnapshot(files, Map.of(), Map.of())).featureBits();
  }
}
