package io.guestbench.collector.cost;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code collector prices import}: reads an offer file for one region and replaces that region's
 * prices in the price file, keeping other regions' imported prices. Nothing is written unless the
 * offer file was read whole and yielded at least one price.
 */
public final class PriceImport {
  private final PriceFile target;

  public PriceImport(PriceFile target) {
    this.target = target;
  }

  /**
   * Imports {@code offerFile}'s prices for {@code region}.
   *
   * @throws PriceDataException when the offer file or the existing price file is unusable; the
   *     price file is then left as it was
   * @throws IOException when the price file cannot be written; it is then left as it was
   */
  public OfferFile run(Path offerFile, String region) throws PriceDataException, IOException {
    OfferFile offer = new OfferFileReader(region).read(offerFile);
    List<Price> kept = new ArrayList<>();
    for (Price p : target.read().map(PriceTable::all).orElse(List.of())) {
      if (!p.region().equals(region)) {
        kept.add(p);
      }
    }
    kept.addAll(offer.prices());
    target.write(kept);
    return offer;
  }
}
