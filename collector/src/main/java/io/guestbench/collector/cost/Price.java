package io.guestbench.collector.cost;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one instance type costs on demand in one region, and how old and where from that figure is.
 *
 * @param instanceType the EC2 instance type, for example {@code m3.medium}
 * @param region the AWS region code, for example {@code us-east-1}
 * @param dollarsPerHour Linux, shared tenancy, on demand, USD per hour, positive
 * @param asOf when the price took effect or was read: {@code YYYY-MM} or {@code YYYY-MM-DD}
 * @param source where it came from, for example {@code ec2instances.info} or {@code AWS Price List
 *     (published 2024-05-09)}
 * @param ebsOptimizedSurcharge what EBS optimization adds per hour on types where it is an option
 *     that costs extra (c3.xlarge); kept apart, never folded into {@code dollarsPerHour}
 */
public record Price(
    String instanceType,
    String region,
    BigDecimal dollarsPerHour,
    String asOf,
    String source,
    Optional<BigDecimal> ebsOptimizedSurcharge) {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");
  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,40}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

  /** Whether {@code region} looks like an AWS region code such as {@code us-east-1}. */
  public static boolean isRegionCode(String region) {
    return REGION.matcher(region).matches();
  }

  public Price {
    Objects.requireNonNull(dollarsPerHour, "dollarsPerHour");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(ebsOptimizedSurcharge, "ebsOptimizedSurcharge");
    require(TYPE.matcher(instanceType).matches(), "instance type", instanceType, "like m3.medium");
    require(REGION.matcher(region).matches(), "region", region, "like us-east-1");
    require(dollarsPerHour.signum() > 0, "$/hour", dollarsPerHour, "more than 0");
    require(DATE.matcher(asOf).matches(), "as of", asOf, "YYYY-MM or YYYY-MM-DD");
    require(!source.isBlank(), "source", source, "where the price came from");
  }

  /** A price without surcharges. */
  public Price(
      String instanceType, String region, BigDecimal dollarsPerHour, String asOf, String source) {
    this(instanceType, region, dollarsPerHour, asOf, source, Optional.empty());
  }

  /** The price per hour as a double, for arithmetic and gauges. */
  public double perHour() {
    return dollarsPerHour.doubleValue();
  }

  /** Where the price came from and how old it is: {@code ec2instances.info, as of 2017-11}. */
  public String provenance() {
    return source + ", as of " + asOf;
  }

  /**
   * The price in words with its age and origin, for example {@code $0.210/h for c3.xlarge in
   * us-east-1 (+$0.020/h if EBS-optimized; ec2instances.info, as of 2017-11)}.
   */
  public String describe() {
    String extra =
        ebsOptimizedSurcharge.map(s -> "+" + Money.perHour(s) + " if EBS-optimized; ").orElse("");
    return Money.perHour(dollarsPerHour)
        + " for "
        + instanceType
        + " in "
        + region
        + " ("
        + extra
        + provenance()
        + ")";
  }

  private static void require(boolean ok, String what, Object value, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(what + ": " + value + " (expected: " + expected + ")");
    }
  }
}
