package io.guestbench.collector.cost;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The hourly USD price in one SKU's on-demand terms ({@code
 * terms.OnDemand[sku][offerTermCode].priceDimensions[rateCode].pricePerUnit.USD} with unit {@code
 * Hrs}), and the date the term took effect.
 *
 * @param effectiveDate {@code YYYY-MM-DD}, empty when the term does not say
 */
record OnDemandTerm(BigDecimal dollarsPerHour, Optional<String> effectiveDate) {

  /**
   * The first hourly price among the SKU's terms; empty when none has one.
   *
   * @throws PriceDataException when a price is there but is not a number
   */
  static Optional<OnDemandTerm> of(String sku, JsonNode offers) throws PriceDataException {
    for (Map.Entry<String, JsonNode> offer : offers.properties()) {
      JsonNode term = offer.getValue();
      for (Map.Entry<String, JsonNode> dimension : term.path("priceDimensions").properties()) {
        if (!"Hrs".equals(dimension.getValue().path("unit").asText())) {
          continue;
        }
        JsonNode usd = dimension.getValue().path("pricePerUnit").path("USD");
        String where =
            "terms.OnDemand."
                + sku
                + "."
                + offer.getKey()
                + ".priceDimensions."
                + dimension.getKey()
                + ".pricePerUnit.USD";
        return Optional.of(new OnDemandTerm(dollars(where, usd), date(term)));
      }
    }
    return Optional.empty();
  }

  private static BigDecimal dollars(String where, JsonNode usd) throws PriceDataException {
    if (usd.isMissingNode() || usd.isNull()) {
      throw new PriceDataException(where + " is missing");
    }
    try {
      BigDecimal value = usd.isNumber() ? usd.decimalValue() : new BigDecimal(usd.asText());
      if (value.signum() < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new PriceDataException(where + ": " + usd + " (expected: a price in dollars)");
    }
  }

  private static Optional<String> date(JsonNode term) {
    String effective = term.path("effectiveDate").asText("");
    return effective.matches("\\d{4}-\\d{2}-\\d{2}.*")
        ? Optional.of(effective.substring(0, 10))
        : Optional.empty();
  }
}
