package io.guestbench.agent.host.detect;

import static io.guestbench.agent.host.detect.HostPaths.GUEST_TYPE;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** DOMAIN.md's decision table, rows 1 to 11 in order; the first row that holds decides. */
final class GuestRules {
  /** One row: a stable name and the check it makes. */
  record Rule(String name, Function<Signals, Check> check) {
    Rule {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(check, "check");
    }
  }

  static final List<Rule> TABLE =
      List.of(
          new Rule("guest_type_pv", s -> guestType(s, "PV", VirtType.XEN_PV)),
          new Rule("guest_type_pvh", s -> guestType(s, "PVH", VirtType.XEN_PVH)),
          new Rule("guest_type_hvm", s -> guestType(s, "HVM", VirtType.XEN_HVM)),
          new Rule("xen_features_pv", GuestRules::featuresPv),
          new Rule("xen_features_pvh", GuestRules::featuresPvh),
          new Rule("xen_hvm_platform", GuestRules::xenHvmPlatform),
          new Rule("xen_no_firmware", GuestRules::xenNoFirmware),
          new Rule("ec2_nitro", GuestRules::nitro),
          new Rule("ec2_metal", GuestRules::ec2Metal),
          new Rule("kvm_dmi", GuestRules::kvm),
          new Rule("hypervisor_flag", GuestRules::fallback));

  private static final String XEN_SOURCES =
      "/sys/hypervisor/{type,guest_type,properties/features}, /proc/xen";
  private static final String DMI = "/sys/class/dmi/id/{sys_vendor,product_name}";
  private static final String XEN_PLATFORM_PCI = "5853:0001";

  private GuestRules() {}

  /** Rows 1 to 3: Linux 4.13 and later state the Xen guest type outright. */
  private static Check guestType(Signals s, String wanted, VirtType type) {
    boolean holds = s.knownGuestType().filter(wanted::equals).isPresent();
    return Check.when(holds, type, GUEST_TYPE, Text.describe(s.guestType()));
  }

  /** Row 4: older kernels only expose the feature bits; bit 5 is mmu_pt_update_preserve_ad. */
  private static Check featuresPv(Signals s) {
    boolean holds = s.xen() && s.knownGuestType().isEmpty() && bits(s, 5);
    return Check.when(holds, VirtType.XEN_PV, XEN_SOURCES, xenObserved(s) + bitsObserved(s, 5));
  }

  /** Row 5: bits 3 (supervisor_mode_kernel) and 8 (hvm_callback_vector) together mean PVH. */
  private static Check featuresPvh(Signals s) {
    boolean holds = s.xen() && bits(s, 3) && bits(s, 8);
    return Check.when(holds, VirtType.XEN_PVH, XEN_SOURCES, xenObserved(s) + bitsObserved(s, 3, 8));
  }

  /** Row 6: an HVM guest has Xen's emulated firmware and its platform PCI device. */
  private static Check xenHvmPlatform(Signals s) {
    boolean pci = s.pciIds().contains(XEN_PLATFORM_PCI);
    boolean holds =
        s.xen() && (s.dmi().vendor().equals("Xen") || s.dmi().product().equals("HVM domU") || pci);
    String observed =
        "xen "
            + yes(s.xen())
            + "; "
            + s.dmi().describe()
            + "; PCI "
            + XEN_PLATFORM_PCI
            + " "
            + (pci ? "present" : "absent");
    return Check.when(holds, VirtType.XEN_HVM, DMI + ", " + HostPaths.PCI_DEVICES, observed);
  }

  /** Row 7: a PV guest boots without firmware or a PCI bus. */
  private static Check xenNoFirmware(Signals s) {
    boolean holds = s.xen() && s.dmi().absent() && s.pciIds().isEmpty();
    String observed =
        "xen "
            + yes(s.xen())
            + "; DMI "
            + (s.dmi().absent() ? "absent" : "present")
            + "; "
            + s.pciIds().size()
            + " PCI devices";
    return Check.when(
        holds, VirtType.XEN_PV, HostPaths.DMI + "*, " + HostPaths.PCI_DEVICES, observed);
  }

  /** Row 8: Nitro names itself in DMI and, being a hypervisor, sets the CPU flag. */
  private static Check nitro(Signals s) {
    boolean holds = s.dmi().amazon() && s.cpu().hypervisor() == CpuInfo.Flag.PRESENT;
    return Check.when(holds, VirtType.NITRO, vendorAndCpu(), vendorAndFlag(s));
  }

  /** Row 9: EC2 metal instances carry the same DMI but no hypervisor. */
  private static Check ec2Metal(Signals s) {
    boolean metal = s.dmi().product().contains(".metal");
    boolean holds = s.dmi().amazon() && (s.cpu().hypervisor() == CpuInfo.Flag.ABSENT || metal);
    String observed = vendorAndFlag(s) + "; product_name " + Text.describe(s.dmi().productName());
    return Check.when(holds, VirtType.BARE_METAL, DMI + ", " + HostPaths.CPUINFO, observed);
  }

  /** Row 10: a KVM guest outside AWS; QEMU or KVM appear in the DMI strings. */
  private static Check kvm(Signals s) {
    boolean holds =
        s.cpu().hypervisor() == CpuInfo.Flag.PRESENT && s.dmi().kvmOrQemu() && !s.dmi().amazon();
    String observed =
        s.flagEvidence()
            + "; "
            + s.dmi().describe()
            + "; KVM/QEMU in DMI "
            + yes(s.dmi().kvmOrQemu());
    return Check.when(
        holds, VirtType.KVM, HostPaths.CPUINFO + ", " + HostPaths.DMI + "*", observed);
  }

  /** Row 11: only the CPU flag is left; without it nothing can be said at all. */
  private static Check fallback(Signals s) {
    VirtType type =
        switch (s.cpu().hypervisor()) {
          case PRESENT -> VirtType.UNKNOWN_VM;
          case ABSENT -> VirtType.BARE_METAL;
          case UNKNOWN -> VirtType.UNKNOWN;
        };
    String observed = s.flagEvidence();
    if (type == VirtType.UNKNOWN_VM && s.kvmClock()) {
      // Not a row of the table, so it decides nothing; it tells the reader where to look.
      observed += "; kvm-clock is available, so probably KVM without DMI naming it";
    }
    return Check.when(true, type, HostPaths.CPUINFO, observed);
  }

  private static boolean bits(Signals s, int... bits) {
    return s.featureBits().map(b -> allSet(b, bits)).orElse(false);
  }

  private static boolean allSet(BigInteger value, int... bits) {
    for (int bit : bits) {
      if (!value.testBit(bit)) {
        return false;
      }
    }
    return true;
  }

  private static String xenObserved(Signals s) {
    return s.xenEvidence()
        + "; guest_type "
        + Text.describe(s.guestType())
        + "; "
        + s.featuresEvidence();
  }

  private static String bitsObserved(Signals s, int... bits) {
    if (s.featureBits().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int bit : bits) {
      out.append(", bit ")
          .append(bit)
          .append(s.featureBits().get().testBit(bit) ? " set" : " clear");
    }
    return out.toString();
  }

  private static String vendorAndCpu() {
    return HostPaths.SYS_VENDOR + ", " + HostPaths.CPUINFO;
  }

  private static String vendorAndFlag(Signals s) {
    return "sys_vendor " + Text.describe(s.dmi().sysVendor()) + "; " + s.flagEvidence();
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
