package io.guestbench.agent.host.imds;

/** The metadata paths the agent reads, in the order it asks, with the fact key each becomes. */
enum ImdsField {
  INSTANCE_TYPE("instance-type", "instance_type", false),
  INSTANCE_ID("instance-id", "instance_id", false),
  AMI_ID("ami-id", "ami_id", false),
  AVAILABILITY_ZONE("placement/availability-zone", "availability_zone", false),
  REGION("placement/region", "region", false),
  // HVM instances have no kernel image of their own, so IMDS answers 404.
  KERNEL_ID("kernel-id", "kernel_id", true);

  private final String path;
  private final String key;
  private final boolean oftenAbsent;

  ImdsField(String path, String key, boolean oftenAbsent) {
    this.path = path;
    this.key = key;
    this.oftenAbsent = oftenAbsent;
  }

  /** The path under {@code /latest/meta-data/}. */
  String path() {
    return path;
  }

  String key() {
    return key;
  }

  /** Whether a 404 is an ordinary answer that needs no note. */
  boolean oftenAbsent() {
    return oftenAbsent;
  }
}
