package io.guestbench.agent.host.detect;

import io.guestbench.agent.host.HostFile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The facts that refine a guest type: Xen PV drivers (an HVM guest with them is PVHVM), SR-IOV,
 * NVMe, AWS's Xen, and whether we run in a container. Each comes with one evidence line.
 */
final class SubModes {
  private static final Map<String, String> CGROUP_MARKERS = markers();
  private static final String DRIVER_SOURCES = "/sys/{block,class/net}/*/device/driver";

  private SubModes() {}

  static void fill(HostSnapshot snapshot, Signals s, VirtType type, FactSheet sheet) {
    xenPvDrivers(s, type, sheet);
    String sriov =
        s.net().listed() ? joinedOrNone(s.net().driversAmong("ixgbevf", "ena")) : "unknown";
    sheet.put("sriov", sriov, HostPaths.NET + "/*/device/driver", "net " + s.net().evidence());
    String nvme = s.block().listed() ? Boolean.toString(s.block().anyDriver("nvme")) : "unknown";
    sheet.put("nvme", nvme, HostPaths.BLOCK + "/*/device/driver", "block " + s.block().evidence());
    awsXen(snapshot, s, sheet);
    container(snapshot, sheet);
  }

  private static void xenPvDrivers(Signals s, VirtType type, FactSheet sheet) {
    boolean pv = s.block().anyDriver("vbd") || s.net().anyDriver("vif");
    String value = s.block().listed() || s.net().listed() ? Boolean.toString(pv) : "unknown";
    String observed = "block " + s.block().evidence() + "; net " + s.net().evidence();
    if (pv && type == VirtType.XEN_HVM) {
      observed += "; HVM with PV drivers is PVHVM";
    }
    sheet.put("xen_pv_drivers", value, DRIVER_SOURCES, observed);
  }

  /**
   * Xen's HVM firmware reports the Xen version as its BIOS version, so AWS's build shows as {@code
   * 4.2.amazon}; PV guests have no firmware, but the same suffix is Xen's extra version string.
   */
  private static void awsXen(HostSnapshot snapshot, Signals s, FactSheet sheet) {
    HostFile bios = s.dmi().biosVersion();
    HostFile extra = snapshot.file(HostPaths.XEN_EXTRA);
    boolean amazon =
        Text.value(bios).filter(v -> v.contains(".amazon")).isPresent()
            || Text.value(extra).filter(v -> v.contains("amazon")).isPresent();
    boolean readable = bios.content().isPresent() || extra.content().isPresent();
    String value = amazon ? "true" : readable ? "false" : "unknown";
    String observed =
        "bios_version " + Text.describe(bios) + "; xen extra version " + Text.describe(extra);
    sheet.put("aws_xen", value, HostPaths.BIOS_VERSION + ", " + HostPaths.XEN_EXTRA, observed);
  }

  /** Containers share the VM's kernel, so detection still describes the VM underneath. */
  private static void container(HostSnapshot snapshot, FactSheet sheet) {
    HostFile docker = snapshot.file(HostPaths.DOCKERENV);
    HostFile podman = snapshot.file(HostPaths.CONTAINERENV);
    HostFile cgroup = snapshot.file(HostPaths.INIT_CGROUP);
    Optional<String> fromCgroup = cgroup.content().flatMap(SubModes::cgroupRuntime);
    String value =
        docker.content().isPresent()
            ? "docker"
            : podman.content().isPresent()
                ? "podman"
                : fromCgroup.orElse(cgroup.content().isPresent() ? "none" : "unknown");
    String cgroupSays =
        fromCgroup
            .map(r -> "mentions " + r)
            .orElse(cgroup.content().isPresent() ? "plain" : cgroup.problem());
    String observed =
        String.format(
            "%s %s; %s %s; %s %s",
            HostPaths.DOCKERENV,
            presence(docker),
            HostPaths.CONTAINERENV,
            presence(podman),
            HostPaths.INIT_CGROUP,
            cgroupSays);
    sheet.put(
        "container",
        value,
        String.join(", ", HostPaths.DOCKERENV, HostPaths.CONTAINERENV, HostPaths.INIT_CGROUP),
        observed);
  }

  /**
   * The runtime named in init's cgroup path. Kubernetes comes first because its paths also name the
   * runtime underneath ({@code kubepods/.../docker-...}).
   */
  static Optional<String> cgroupRuntime(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return CGROUP_MARKERS.entrySet().stream()
        .filter(e -> lower.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static String presence(HostFile marker) {
    return marker.content().isPresent() ? "present" : marker.problem();
  }

  private static Map<String, String> markers() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("kubepods", "kubernetes");
    m.put("docker", "docker");
    m.put("libpod", "podman");
    m.put("containerd", "containerd");
    m.put("lxc", "lxc");
    return Collections.unmodifiableMap(m);
  }

  private static String joinedOrNone(List<String> values) {
    return values.isEmpty() ? "none" : String.join(",", values);
  }
}
