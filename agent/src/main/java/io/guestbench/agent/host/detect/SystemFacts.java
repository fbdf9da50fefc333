package io.guestbench.agent.host.detect;

import static io.guestbench.agent.host.detect.HostPaths.VULNERABILITIES;

import io.guestbench.agent.host.HostFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The facts every result is recorded with: kernel, clock, CPU, memory, mitigations, devices. */
final class SystemFacts {
  private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d{1,15}) kB$");
  private static final Pattern THP_ACTIVE = Pattern.compile("\\[([a-z]+)]");

  private SystemFacts() {}

  static void fill(HostSnapshot snapshot, Signals s, FactSheet sheet) {
    kernelAndClock(snapshot, sheet);
    cpu(s, sheet);
    memory(snapshot.file(HostPaths.MEMINFO), sheet);
    mitigations(snapshot, sheet);
    HostFile thp = snapshot.file(HostPaths.THP);
    sheet.putOrUnknown(
        "thp", Text.value(thp).flatMap(v -> group(THP_ACTIVE, v)), thp.path(), reason(thp));
    sheet.putOrUnknown("block_devices", s.block().describe(), HostPaths.BLOCK, "directory missing");
    sheet.putOrUnknown("net_devices", s.net().describe(), HostPaths.NET, "directory missing");
    firmware(s.dmi(), sheet);
    xen(snapshot, s, sheet);
  }

  private static void kernelAndClock(HostSnapshot snapshot, FactSheet sheet) {
    line(sheet, "kernel_release", snapshot.file(HostPaths.OSRELEASE));
    line(sheet, "kernel_cmdline", snapshot.file(HostPaths.CMDLINE));
    line(sheet, "clocksource", snapshot.file(HostPaths.CURRENT_CLOCKSOURCE));
    HostFile available = snapshot.file(HostPaths.AVAILABLE_CLOCKSOURCE);
    sheet.putOrUnknown(
        "clocksources_available",
        Text.value(available).map(v -> String.join(",", v.split("\\s+"))),
        available.path(),
        reason(available));
  }

  private static void firmware(Dmi dmi, FactSheet sheet) {
    line(sheet, "sys_vendor", dmi.sysVendor());
    line(sheet, "product_name", dmi.productName());
    line(sheet, "product_version", dmi.productVersion());
    line(sheet, "bios_vendor", dmi.biosVendor());
    line(sheet, "bios_version", dmi.biosVersion());
  }

  private static void cpu(Signals s, FactSheet sheet) {
    Optional<String> flag =
        Optional.of(s.cpu().hypervisor())
            .filter(f -> f != CpuInfo.Flag.UNKNOWN)
            .map(CpuInfo.Flag::fact);
    sheet.putOrUnknown("hypervisor_flag", flag, HostPaths.CPUINFO, s.flagEvidence());
    String why = s.cpuinfo().content().isPresent() ? "no such line" : s.cpuinfo().problem();
    sheet.putOrUnknown("cpu_model", s.cpu().model(), HostPaths.CPUINFO, "model name: " + why);
    Optional<String> count =
        Optional.of(s.cpu().processors()).filter(n -> n > 0).map(String::valueOf);
    sheet.putOrUnknown("cpu_count", count, HostPaths.CPUINFO, "processor lines: " + why);
  }

  private static void memory(HostFile meminfo, FactSheet sheet) {
    Optional<String> bytes =
        meminfo
            .content()
            .flatMap(t -> group(MEM_TOTAL, t))
            .map(kb -> Long.toString(Long.parseLong(kb) * 1024));
    String why = meminfo.content().isPresent() ? "no MemTotal line in kB" : meminfo.problem();
    sheet.putOrUnknown("memory_bytes", bytes, meminfo.path(), why);
  }

  private static void mitigations(HostSnapshot snapshot, FactSheet sheet) {
    Map<String, String> status = new TreeMap<>();
    for (String name : snapshot.directory(VULNERABILITIES).orElse(List.of())) {
      Text.value(snapshot.file(VULNERABILITIES + "/" + name)).ifPresent(v -> status.put(name, v));
    }
    Optional<Map<String, String>> known = Optional.of(status).filter(m -> !m.isEmpty());
    String why =
        snapshot.directory(VULNERABILITIES).isPresent()
            ? "no readable entries"
            : "directory missing";
    sheet.putOrUnknown("mitigations", known.map(Mitigations::summary), VULNERABILITIES + "/*", why);
    sheet.putOrUnknown(
        "mitigations_vulnerable", known.map(Mitigations::vulnerable), VULNERABILITIES + "/*", why);
    // Meltdown (PTI) and Spectre v2 cost syscalls most, so they are kept whole.
    for (String name : List.of("meltdown", "spectre_v2")) {
      String path = VULNERABILITIES + "/" + name;
      String missing =
          snapshot
              .directory(VULNERABILITIES)
              .map(names -> names.contains(name) ? reason(snapshot.file(path)) : "missing")
              .orElse(why);
      sheet.putOrUnknown(
          "mitigation_" + name, Optional.ofNullable(status.get(name)), path, missing);
    }
  }

  /** Only on Xen: elsewhere these files are missing by design, which is no news. */
  private static void xen(HostSnapshot snapshot, Signals s, FactSheet sheet) {
    if (!s.xen()) {
      return;
    }
    line(sheet, "hypervisor_type", s.hypervisorType());
    line(sheet, "xen_guest_type", s.guestType());
    line(sheet, "xen_features", s.features());
    Optional<String> version =
        Text.value(snapshot.file(HostPaths.XEN_MAJOR))
            .flatMap(
                major ->
                    Text.value(snapshot.file(HostPaths.XEN_MINOR))
                        .map(minor -> major + "." + minor))
            .map(v -> v + Text.value(snapshot.file(HostPaths.XEN_EXTRA)).orElse(""));
    sheet.putOrUnknown(
        "xen_version",
        version,
        "/sys/hypervisor/version/*",
        reason(snapshot.file(HostPaths.XEN_MAJOR)));
  }

  /** The first line of a file as a fact, or unknown with the reason. */
  private static void line(FactSheet sheet, String key, HostFile file) {
    sheet.putOrUnknown(key, Text.firstLine(file), file.path(), reason(file));
  }

  private static String reason(HostFile file) {
    if (file.content().isEmpty()) {
      return file.problem();
    }
    return Text.value(file).isEmpty() ? "empty" : "not understood: " + Text.describe(file);
  }

  private static Optional<String> group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
