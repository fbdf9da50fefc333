package io.guestbench.collector.cost;

import java.util.List;
import java.util.Objects;

/**
 * What an AWS Price List offer file yielded for one region.
 *
 * @param region the region read
 * @param publicationDate the file's {@code publicationDate}
 * @param version the file's {@code version}, or {@code unknown}
 * @param prices one per instance type, by type
 * @param leftOut products that are not a Linux, shared, no-software, on-demand instance in the
 *     region (Windows, dedicated, other regions, EBS, data transfer and so on)
 * @param withoutHourlyPrice products that passed the filter but had no on-demand hourly USD price
 * @param conflicting products for a type already priced, with a different price; the first was kept
 */
public record OfferFile(
    String region,
    String publicationDate,
    String version,
    List<Price> prices,
    int leftOut,
    int withoutHourlyPrice,
    int conflicting) {
  public OfferFile {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(publicationDate, "publicationDate");
    Objects.requireNonNull(version, "version");
    prices = List.copyOf(prices);
  }

  /** The prices as a table, named after the file. */
  public PriceTable table() {
    return PriceTable.of(
        "offer file published " + publicationDate + " (version " + version + ")", prices);
  }
}
