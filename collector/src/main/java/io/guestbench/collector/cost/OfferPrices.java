package io.guestbench.collector.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Joins an offer file's kept products with their on-demand terms into one price per type. */
final class OfferPrices {
  private final String region;
  private final String publicationDate;
  private final String version;

  OfferPrices(String region, String publicationDate, String version) {
    this.region = region;
    this.publicationDate = publicationDate;
    this.version = version;
  }

  OfferFile join(
      Map<String, String> typeBySku,
      Map<String, OnDemandTerm> termBySku,
      int leftOut,
      Set<String> otherRegions)
      throws PriceDataException {
    Map<String, Price> byType = new TreeMap<>();
    int withoutPrice = 0;
    int conflicting = 0;
    for (Map.Entry<String, String> product : sortedBySku(typeBySku)) {
      OnDemandTerm term = termBySku.get(product.getKey());
      if (term == null || term.dollarsPerHour().signum() == 0) {
        withoutPrice++;
        continue;
      }
      Price price = price(product.getValue(), term);
      Price earlier = byType.putIfAbsent(price.instanceType(), price);
      if (earlier != null && earlier.dollarsPerHour().compareTo(price.dollarsPerHour()) != 0) {
        conflicting++;
      }
    }
    if (byType.isEmpty()) {
      throw new PriceDataException(
          "no Linux on-demand hourly prices for region "
              + region
              + " (other products' regions: "
              + (otherRegions.isEmpty() ? "none" : String.join(", ", otherRegions))
              + ")");
    }
    return new OfferFile(
        region,
        publicationDate,
        version,
        new ArrayList<>(byType.values()),
        leftOut,
        withoutPrice,
        conflicting);
  }

  private Price price(String type, OnDemandTerm term) throws PriceDataException {
    String published = publicationDate.substring(0, 10);
    try {
      return new Price(
          type,
          region,
          term.dollarsPerHour(),
          term.effectiveDate().orElse(published),
          "AWS Price List (published " + published + ")");
    } catch (IllegalArgumentException e) {
      throw new PriceDataException("product " + type + ": " + e.getMessage());
    }
  }

  /** SKU order, so that which of two conflicting products wins does not depend on hashing. */
  private static List<Map.Entry<String, String>> sortedBySku(Map<String, String> typeBySku) {
    return typeBySku.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
  }
}
