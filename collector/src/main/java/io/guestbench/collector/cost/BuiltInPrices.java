package io.guestbench.collector.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The prices guestbench ships with: us-east-1, Linux, on demand, as ec2instances.info listed them
 * in November 2017 (the table in the project's DOMAIN notes). Old on purpose, and saying so: they
 * cover the PV-capable families, which AWS no longer prices prominently.
 */
final class BuiltInPrices {
  private static final String AS_OF = "2017-11";
  private static final String SOURCE = "ec2instances.info";

  static final List<Price> ALL =
      List.of(
          price("t1.micro", "0.020"),
          price("m1.small", "0.044"),
          price("m1.medium", "0.087"),
          price("c1.medium", "0.130"),
          price("m3.medium", "0.067"),
          price("m3.large", "0.133"),
          price("c3.large", "0.105"),
          new Price(
              "c3.xlarge",
              PriceTable.DEFAULT_REGION,
              new BigDecimal("0.210"),
              AS_OF,
              SOURCE,
              Optional.of(new BigDecimal("0.02"))),
          price("t2.medium", "0.0464"),
          price("m4.large", "0.100"),
          price("c4.large", "0.100"),
          price("c5.large", "0.085"));

  private BuiltInPrices() {}

  private static Price price(String type, String dollarsPerHour) {
    return new Price(
        type, PriceTable.DEFAULT_REGION, new BigDecimal(dollarsPerHour), AS_OF, SOURCE);
  }
}
