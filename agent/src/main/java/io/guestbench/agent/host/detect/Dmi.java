package io.guestbench.agent.host.detect;

import io.guestbench.agent.host.HostFile;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The firmware's (SMBIOS) description of the machine from {@code /sys/class/dmi/id}. */
record Dmi(
    HostFile sysVendor,
    HostFile productName,
    HostFile productVersion,
    HostFile biosVendor,
    HostFile biosVersion) {
  Dmi {
    Objects.requireNonNull(sysVendor, "sysVendor");
    Objects.requireNonNull(productName, "productName");
    Objects.requireNonNull(productVersion, "productVersion");
    Objects.requireNonNull(biosVendor, "biosVendor");
    Objects.requireNonNull(biosVersion, "biosVersion");
  }

  static Dmi of(HostSnapshot snapshot) {
    return new Dmi(
        snapshot.file(HostPaths.SYS_VENDOR),
        snapshot.file(HostPaths.PRODUCT_NAME),
        snapshot.file(HostPaths.PRODUCT_VERSION),
        snapshot.file(HostPaths.BIOS_VENDOR),
        snapshot.file(HostPaths.BIOS_VERSION));
  }

  /** Xen PV guests boot without firmware, so they have no DMI at all. */
  boolean absent() {
    return all().stream().allMatch(f -> Text.value(f).isEmpty());
  }

  String vendor() {
    return Text.value(sysVendor).orElse("");
  }

  String product() {
    return Text.value(productName).orElse("");
  }

  boolean amazon() {
    return vendor().startsWith("Amazon EC2");
  }

  /** As systemd's virt.c: QEMU and KVM name themselves in the vendor, product or BIOS strings. */
  boolean kvmOrQemu() {
    return all().stream()
        .flatMap(f -> Text.value(f).stream())
        .map(v -> v.toUpperCase(Locale.ROOT))
        .anyMatch(v -> v.contains("KVM") || v.contains("QEMU"));
  }

  /** The vendor and product, as evidence. */
  String describe() {
    return "sys_vendor "
        + Text.describe(sysVendor)
        + ", product_name "
        + Text.describe(productName);
  }

  private List<HostFile> all() {
    return List.of(sysVendor, productName, productVersion, biosVendor, biosVersion);
  }
}
