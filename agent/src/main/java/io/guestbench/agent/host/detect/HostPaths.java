package io.guestbench.agent.host.detect;

import java.util.List;

/** The host paths detection and facts read; see DOMAIN.md, "Detecting the guest type". */
final class HostPaths {
  static final String HYPERVISOR_TYPE = "/sys/hypervisor/type";
  static final String GUEST_TYPE = "/sys/hypervisor/guest_type";
  static final String XEN_FEATURES = "/sys/hypervisor/properties/features";
  static final String XEN_MAJOR = "/sys/hypervisor/version/major";
  static final String XEN_MINOR = "/sys/hypervisor/version/minor";
  static final String XEN_EXTRA = "/sys/hypervisor/version/extra";
  static final String PROC_XEN = "/proc/xen";

  static final String DMI = "/sys/class/dmi/id/";
  static final String SYS_VENDOR = DMI + "sys_vendor";
  static final String PRODUCT_NAME = DMI + "product_name";
  static final String PRODUCT_VERSION = DMI + "product_version";
  static final String BIOS_VENDOR = DMI + "bios_vendor";
  static final String BIOS_VERSION = DMI + "bios_version";

  static final String CPUINFO = "/proc/cpuinfo";
  static final String MEMINFO = "/proc/meminfo";
  static final String OSRELEASE = "/proc/sys/kernel/osrelease";
  static final String CMDLINE = "/proc/cmdline";
  static final String CLOCKSOURCE = "/sys/devices/system/clocksource/clocksource0/";
  static final String CURRENT_CLOCKSOURCE = CLOCKSOURCE + "current_clocksource";
  static final String AVAILABLE_CLOCKSOURCE = CLOCKSOURCE + "available_clocksource";
  static final String VULNERABILITIES = "/sys/devices/system/cpu/vulnerabilities";
  static final String THP = "/sys/kernel/mm/transparent_hugepage/enabled";

  static final String PCI_DEVICES = "/sys/bus/pci/devices";
  static final String BLOCK = "/sys/block";
  static final String NET = "/sys/class/net";

  static final String DOCKERENV = "/.dockerenv";
  static final String CONTAINERENV = "/run/.containerenv";
  static final String INIT_CGROUP = "/proc/1/cgroup";

  /** Single files read whole, whatever the host. */
  static final List<String> FILES =
      List.of(
          HYPERVISOR_TYPE,
          GUEST_TYPE,
          XEN_FEATURES,
          XEN_MAJOR,
          XEN_MINOR,
          XEN_EXTRA,
          SYS_VENDOR,
          PRODUCT_NAME,
          PRODUCT_VERSION,
          BIOS_VENDOR,
          BIOS_VERSION,
          CPUINFO,
          MEMINFO,
          OSRELEASE,
          CMDLINE,
          CURRENT_CLOCKSOURCE,
          AVAILABLE_CLOCKSOURCE,
          THP,
          DOCKERENV,
          CONTAINERENV,
          INIT_CGROUP);

  private HostPaths() {}

  /** Where a block or network device's driver link is, for example {@code /sys/block/xvda}. */
  static String deviceDriver(String deviceDir) {
    return deviceDir + "/device/driver";
  }

  /**
   * An NVMe namespace's {@code device} is the controller ({@code nvme0}), which has no driver of
   * its own; the PCI function behind it does.
   */
  static String parentDeviceDriver(String deviceDir) {
    return deviceDir + "/device/device/driver";
  }
}
