package io.guestbench.collector.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfferFileReaderTest {
  @TempDir Path dir;

  @Test
  void keepsOnlyLinuxSharedNoSoftwareUsedOnDemandInTheRegion() throws Exception {
    OfferFile offer = new OfferFileReader("us-east-1").read(OfferFiles.fixture());

    assertThat(byType(offer.prices()))
        .containsExactly(
            Map.entry("c3.xlarge", new BigDecimal("0.2100000000")),
            Map.entry("m5.large", new BigDecimal("0.0960000000")),
            Map.entry("t2.medium", new BigDecimal("0.0464000000")));
    assertThat(offer.leftOut()).isEqualTo(6);
    assertThat(offer.withoutHourlyPrice()).as("m3.medium has no on-demand term").isEqualTo(1);
    assertThat(offer.conflicting()).isZero();
    assertThat(offer.publicationDate()).isEqualTo("2024-05-09T21:15:17Z");
    assertThat(offer.version()).isEqualTo("20240509211517");
  }

  @Test
  void everyPriceSaysWhenItTookEffectAndWhereFrom() throws Exception {
    OfferFile offer = new OfferFileReader("us-east-1").read(OfferFiles.fixture());

    Price t2 =
        offer.table().lookup("t2.medium", "us-east-1") instanceof PriceLookup.Priced p
            ? p.price()
            : null;
    assertThat(t2).isNotNull();
    assertThat(t2.asOf()).isEqualTo("2024-04-01");
    assertThat(t2.source()).isEqualTo("AWS Price List (published 2024-05-09)");
    assertThat(t2.ebsOptimizedSurcharge()).isEmpty();
  }

  @Test
  void picksTheRegionAskedFor() throws Exception {
    OfferFile offer = new OfferFileReader("eu-west-1").read(OfferFiles.fixture());

    assertThat(byType(offer.prices()))
        .containsExactly(Map.entry("m5.large", new BigDecimal("0.1070000000")));
    assertThat(offer.prices()).allSatisfy(p -> assertThat(p.region()).isEqualTo("eu-west-1"));
  }

  @Test
  void aRegionWithoutPricesIsRefusedNamingTheRegionsThere() {
    assertThatThrownBy(() -> new OfferFileReader("ap-south-1").read(OfferFiles.fixture()))
        .isInstanceOf(PriceDataException.class)
        .hasMessageContaining("no Linux on-demand hourly prices for region ap-south-1")
        .hasMessageContaining("eu-west-1")
        .hasMessageContaining("us-east-1");
  }

  @Test
  void termsBeforeProductsGiveTheSamePrices() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode original = (ObjectNode) json.readTree(OfferFiles.text());
    ObjectNode reordered = json.createObjectNode();
    reordered.set("terms", original.get("terms"));
    original.properties().forEach(e -> reordered.putIfAbsent(e.getKey(), e.getValue()));
    Path file = OfferFiles.write(dir, "reordered.json", json.writeValueAsString(reordered));

    OfferFile offer = new OfferFileReader("us-east-1").read(file);

    assertThat(offer.prices())
        .isEqualTo(new OfferFileReader("us-east-1").read(OfferFiles.fixture()).prices());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.3, 0.5, 0.8, 0.999})
  void aTruncatedFileIsRefusedInOneLine(double keep) {
    String text = OfferFiles.text();
    Path file = OfferFiles.write(dir, "cut.json", text.substring(0, (int) (text.length() * keep)));

    assertThatThrownBy(() -> new OfferFileReader("us-east-1").read(file))
        .isInstanceOf(PriceDataException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("truncated or garbled")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aGarbledFileIsRefusedWithWhereItBroke() {
    String text = OfferFiles.text().replaceFirst("\"terms\": \\{", "\"terms\": {{ <html>");
    Path file = OfferFiles.write(dir, "garbled.json", text);

    assertThatThrownBy(() -> new OfferFileReader("us-east-1").read(file))
        .isInstanceOf(PriceDataException.class)
        .hasMessageMatching(
            ".*not valid JSON at line \\d+, column \\d+ \\(truncated or garbled\\).*")
        .hasMessageNotContaining("\n");
  }

  @Test
  void sayWhatIsMissing() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertRefused(json, "products", "no \"products\" object: not an AWS offer file");
    assertRefused(json, "terms", "no \"terms.OnDemand\" object: not an AWS offer file");
    assertRefused(json, "publicationDate", "no \"publicationDate\"");
    Path array = OfferFiles.write(dir, "array.json", "[1, 2]");
    assertThatThrownBy(() -> new OfferFileReader("us-east-1").read(array))
        .hasMessageContaining("not an AWS offer file (expected a JSON object)");
    Path trailing = OfferFiles.write(dir, "two.json", OfferFiles.text() + "{}");
    assertThatThrownBy(() -> new OfferFileReader("us-east-1").read(trailing))
        .hasMessageContaining("content after the end of the JSON document");
  }

  @Test
  void aPriceThatIsNotANumberIsRefusedWithItsPath() {
    String text = OfferFiles.text().replace("\"0.0960000000\"", "\"0.096 USD\"");
    Path file = OfferFiles.write(dir, "bad-price.json", text);

    assertThatThrownBy(() -> new OfferFileReader("us-east-1").read(file))
        .isInstanceOf(PriceDataException.class)
        .hasMessageContaining(
            "terms.OnDemand.A5B8DPCQWFJYHK2M.A5B8DPCQWFJYHK2M.JRTCKXETXF.priceDimensions.")
        .hasMessageContaining("\"0.096 USD\" (expected: a price in dollars)");
  }

  @Test
  void aMissingFileIsOneLine() {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> new OfferFileReader("us-east-1").read(missing))
        .isInstanceOf(PriceDataException.class)
        .hasMessage(missing + ": no such file");
  }

  private void assertRefused(ObjectMapper json, String field, String message) throws Exception {
    ObjectNode doc = (ObjectNode) json.readTree(OfferFiles.text());
    doc.remove(field);
    Path file = OfferFiles.write(dir, "without-" + field + ".json", json.writeValueAsString(doc));
    assertThatThrownBy(() -> new OfferFileReader("us-east-1").read(file))
        .isInstanceOf(PriceDataException.class)
        .hasMessageContaining(message);
  }

  private static Map<String, BigDecimal> byType(List<Price> prices) {
    return prices.stream()
        .collect(
            Collectors.toMap(
                Price::instanceType, Price::dollarsPerHour, (a, b) -> a, java.util.TreeMap::new));
  }
}
