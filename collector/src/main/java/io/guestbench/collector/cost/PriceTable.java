package io.guestbench.collector.cost;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prices by instance type and region, each with its date and source. The table in use is the
 * built-in defaults ({@link #builtIn()}) overlaid with the last imported offer file (see {@link
 * PriceFile}): an imported price replaces the default for the same type and region, and defaults
 * for types the import lacks stay, each still saying how old it is.
 *
 * @param origin what the table was built from, in words, for messages
 */
public record PriceTable(String origin, Map<Key, Price> prices) {
  /** The region the built-in defaults are for, and the default of {@code prices import}. */
  public static final String DEFAULT_REGION = "us-east-1";

  /** Where a price applies. */
  public record Key(String instanceType, String region) {}

  public PriceTable {
    Objects.requireNonNull(origin, "origin");
    prices = Map.copyOf(prices);
  }

  /** A table of {@code prices}; a later price for the same type and region wins. */
  public static PriceTable of(String origin, Collection<Price> prices) {
    Map<Key, Price> byKey = new LinkedHashMap<>();
    prices.forEach(p -> byKey.put(keyOf(p), p));
    return new PriceTable(origin, byKey);
  }

  /** The dated defaults shipped with guestbench (us-east-1, 2017-11, ec2instances.info). */
  public static PriceTable builtIn() {
    return of("built-in defaults", BuiltInPrices.ALL);
  }

  /** This table with {@code newer}'s prices replacing or adding to its own. */
  public PriceTable overlaidWith(PriceTable newer) {
    Map<Key, Price> merged = new LinkedHashMap<>(prices);
    merged.putAll(newer.prices);
    return new PriceTable(newer.origin + " over " + origin, merged);
  }

  /** The price of {@code instanceType} in {@code region}, or why there is none. */
  public PriceLookup lookup(String instanceType, String region) {
    Price price = prices.get(new Key(instanceType, region));
    if (price != null) {
      return new PriceLookup.Priced(price);
    }
    String known =
        prices.keySet().stream().anyMatch(k -> k.instanceType().equals(instanceType))
            ? instanceType + " is priced only in other regions"
            : instanceType + " is not in the table";
    return new PriceLookup.Unpriced(
        instanceType,
        region,
        "no price for "
            + instanceType
            + " in "
            + region
            + " ("
            + known
            + ", "
            + origin
            + "; load one with `collector prices import OFFER_FILE --region "
            + region
            + "`)");
  }

  /** Every price, by region then instance type. */
  public List<Price> all() {
    return prices.values().stream()
        .sorted(Comparator.comparing(Price::region).thenComparing(Price::instanceType))
        .toList();
  }

  private static Key keyOf(Price p) {
    return new Key(p.instanceType(), p.region());
  }
}
