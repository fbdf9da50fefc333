package io.guestbench.agent.host.detect;

/** The kinds of guest the detector can tell apart, with the names used in facts and labels. */
public enum VirtType {
  XEN_PV("xen-pv"),
  XEN_PVH("xen-pvh"),
  XEN_HVM("xen-hvm"),
  NITRO("nitro"),
  KVM("kvm"),
  BARE_METAL("bare-metal"),
  UNKNOWN_VM("unknown-vm"),
  /** Nothing readable said whether there is a hypervisor at all, for example an empty host root. */
  UNKNOWN("unknown");

  private final String label;

  VirtType(String label) {
    this.label = label;
  }

  /** The name on the wire and in labels, for example {@code xen-hvm}. */
  public String label() {
    return label;
  }
}
