package io.guestbench.collector.cost;

import java.util.Map;
import java.util.Optional;

/**
 * Region codes and the names offer files used for them before they had {@code regionCode}, and the
 * region of an availability zone.
 */
final class Regions {
  private static final Map<String, String> LOCATIONS =
      Map.ofEntries(
          Map.entry("us-east-1", "US East (N. Virginia)"),
          Map.entry("us-east-2", "US East (Ohio)"),
          Map.entry("us-west-1", "US West (N. California)"),
          Map.entry("us-west-2", "US West (Oregon)"),
          Map.entry("ca-central-1", "Canada (Central)"),
          Map.entry("eu-west-1", "EU (Ireland)"),
          Map.entry("eu-west-2", "EU (London)"),
          Map.entry("eu-west-3", "EU (Paris)"),
          Map.entry("eu-central-1", "EU (Frankfurt)"),
          Map.entry("eu-north-1", "EU (Stockholm)"),
          Map.entry("ap-northeast-1", "Asia Pacific (Tokyo)"),
          Map.entry("ap-northeast-2", "Asia Pacific (Seoul)"),
          Map.entry("ap-southeast-1", "Asia Pacific (Singapore)"),
          Map.entry("ap-southeast-2", "Asia Pacific (Sydney)"),
          Map.entry("ap-south-1", "Asia Pacific (Mumbai)"),
          Map.entry("sa-east-1", "South America (Sao Paulo)"));

  private Regions() {}

  /** The offer files' location name of a region code, when known. */
  static Optional<String> location(String regionCode) {
    return Optional.ofNullable(LOCATIONS.get(regionCode));
  }

  /** The region of an availability zone: {@code us-east-1a} → {@code us-east-1}. */
  static Optional<String> ofZone(String zone) {
    String region = zone.replaceFirst("(?<=\\d)[a-z]$", "");
    return region.equals(zone) || region.isEmpty() ? Optional.empty() : Optional.of(region);
  }
}
