package io.guestbench.collector.cost;

import java.util.Objects;

/**
 * The answer to "what does this type cost here": a price, or a sentence saying why there is none.
 */
public sealed interface PriceLookup {

  /** The table has a price for the type in the region. */
  record Priced(Price price) implements PriceLookup {
    public Priced {
      Objects.requireNonNull(price, "price");
    }
  }

  /**
   * The table has no price for the type in the region.
   *
   * @param reason a sentence naming the type, the region and the table, and how to get a price
   */
  record Unpriced(String instanceType, String region, String reason) implements PriceLookup {
    public Unpriced {
      Objects.requireNonNull(instanceType, "instanceType");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
