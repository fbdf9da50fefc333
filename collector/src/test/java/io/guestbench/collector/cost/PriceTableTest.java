package io.guestbench.collector.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTableTest {
  private final PriceTable builtIn = PriceTable.builtIn();

  @Test
  void builtInDefaultsAreDomainTableDatedAndSourced() {
    assertThat(builtIn.all()).hasSize(12);
    assertThat(builtIn.all())
        .allSatisfy(
            p -> {
              assertThat(p.region()).isEqualTo("us-east-1");
              assertThat(p.provenance()).isEqualTo("ec2instances.info, as of 2017-11");
            });
    assertThat(priced("t2.medium").dollarsPerHour()).isEqualByComparingTo("0.0464");
    assertThat(priced("m3.medium").dollarsPerHour()).isEqualByComparingTo("0.067");
  }

  @Test
  void ebsOptimizedSurchargeIsKeptApartNotFoldedIn() {
    Price c3 = priced("c3.xlarge");

    assertThat(c3.dollarsPerHour()).isEqualByComparingTo("0.210");
    assertThat(c3.ebsOptimizedSurcharge()).contains(new BigDecimal("0.02"));
    assertThat(c3.describe())
        .isEqualTo(
            "$0.210/h for c3.xlarge in us-east-1 (+$0.020/h if EBS-optimized;"
                + " ec2instances.info, as of 2017-11)");
    assertThat(builtIn.all().stream().filter(p -> p.ebsOptimizedSurcharge().isPresent()))
        .extracting(Price::instanceType)
        .containsExactly("c3.xlarge");
  }

  @Test
  void anUnknownTypeIsSaidInWords() {
    PriceLookup lookup = builtIn.lookup("m7g.large", "us-east-1");

    assertThat(lookup).isInstanceOf(PriceLookup.Unpriced.class);
    assertThat(((PriceLookup.Unpriced) lookup).reason())
        .isEqualTo(
            "no price for m7g.large in us-east-1 (m7g.large is not in the table, built-in"
                + " defaults; load one with `collector prices import OFFER_FILE --region"
                + " us-east-1`)");
  }

  @Test
  void aTypePricedElsewhereSaysSo() {
    PriceLookup lookup = builtIn.lookup("m3.medium", "eu-west-1");

    assertThat(((PriceLookup.Unpriced) lookup).reason())
        .contains("m3.medium is priced only in other regions");
  }

  @Test
  void anOverlayReplacesTheSameTypeAndKeepsTheRest() {
    Price newer =
        new Price(
            "m3.medium",
            "us-east-1",
            new BigDecimal("0.067"),
            "2024-05-01",
            "AWS Price List (published 2024-05-09)");
    Price added = new Price("m5.large", "us-east-1", new BigDecimal("0.096"), "2024-05-01", "x");

    PriceTable merged = builtIn.overlaidWith(PriceTable.of("imported", List.of(newer, added)));

    assertThat(merged.all()).hasSize(13);
    assertThat(priced(merged, "m3.medium").asOf()).isEqualTo("2024-05-01");
    assertThat(priced(merged, "m1.small").asOf()).isEqualTo("2017-11");
    assertThat(merged.origin()).isEqualTo("imported over built-in defaults");
  }

  @Test
  void aPriceMustBePositiveAndDated() {
    assertThatThrownBy(() -> new Price("m5.large", "us-east-1", BigDecimal.ZERO, "2024-05", "x"))
        .hasMessage("$/hour: 0 (expected: more than 0)");
    assertThatThrownBy(() -> new Price("m5.large", "us-east-1", BigDecimal.ONE, "May 2024", "x"))
        .hasMessage("as of: May 2024 (expected: YYYY-MM or YYYY-MM-DD)");
    assertThatThrownBy(() -> new Price("m5.large", "Virginia", BigDecimal.ONE, "2024-05", "x"))
        .hasMessage("region: Virginia (expected: like us-east-1)");
  }

  private Price priced(String type) {
    return priced(builtIn, type);
  }

  private static Price priced(PriceTable table, String type) {
    return switch (table.lookup(type, "us-east-1")) {
      case PriceLookup.Priced(Price p) -> p;
      case PriceLookup.Unpriced u -> throw new AssertionError(u.reason());
    };
  }
}
