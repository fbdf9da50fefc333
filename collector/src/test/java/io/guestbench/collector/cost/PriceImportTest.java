package io.guestbench.collector.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceImportTest {
  @TempDir Path dir;

  @Test
  void importedPricesOverlayTheDefaultsInTheTableInUse() throws Exception {
    PriceFile file = new PriceFile(dir.resolve("state/prices.json"));

    new PriceImport(file).run(OfferFiles.fixture(), "us-east-1");
    PriceTable table = file.tableInUse();

    assertThat(table.lookup("m5.large", "us-east-1"))
        .isEqualTo(
            new PriceLookup.Priced(
                new OfferFileReader("us-east-1")
                    .read(OfferFiles.fixture()).table().all().stream()
                        .filter(p -> p.instanceType().equals("m5.large"))
                        .findFirst()
                        .orElseThrow()));
    Price c3 = ((PriceLookup.Priced) table.lookup("c3.xlarge", "us-east-1")).price();
    assertThat(c3.source()).isEqualTo("AWS Price List (published 2024-05-09)");
    Price m1 = ((PriceLookup.Priced) table.lookup("m1.small", "us-east-1")).price();
    assertThat(m1.provenance()).isEqualTo("ec2instances.info, as of 2017-11");
    assertThat(Files.list(dir.resolve("state"))).containsExactly(file.path());
  }

  @Test
  void importingAnotherRegionKeepsTheFirst() throws Exception {
    PriceFile file = new PriceFile(dir.resolve("prices.json"));
    new PriceImport(file).run(OfferFiles.fixture(), "us-east-1");

    new PriceImport(file).run(OfferFiles.fixture(), "eu-west-1");

    PriceTable imported = file.read().orElseThrow();
    assertThat(imported.all()).hasSize(4);
    assertThat(imported.lookup("m5.large", "eu-west-1")).isInstanceOf(PriceLookup.Priced.class);
    assertThat(imported.lookup("m5.large", "us-east-1")).isInstanceOf(PriceLookup.Priced.class);
  }

  @Test
  void aMalformedOfferFileLeavesTheTableUntouched() throws Exception {
    PriceFile file = new PriceFile(dir.resolve("prices.json"));
    new PriceImport(file).run(OfferFiles.fixture(), "us-east-1");
    byte[] before = Files.readAllBytes(file.path());
    String text = OfferFiles.text();
    Path cut = OfferFiles.write(dir, "cut.json", text.substring(0, text.length() / 2));

    assertThatThrownBy(() -> new PriceImport(file).run(cut, "us-east-1"))
        .isInstanceOf(PriceDataException.class);

    assertThat(Files.readAllBytes(file.path())).isEqualTo(before);
    assertThat(Files.list(dir)).containsExactlyInAnyOrder(file.path(), cut);
  }

  @Test
  void theTableInUseIsTheDefaultsWhenNothingWasImported() throws Exception {
    PriceTable table = new PriceFile(dir.resolve("none.json")).tableInUse();

    assertThat(table.all()).isEqualTo(PriceTable.builtIn().all());
  }

  @Test
  void aDamagedPriceFileIsOneLineNamingIt() {
    Path damaged = OfferFiles.write(dir, "prices.json", "{\"format\": \"guestbench-prices-v1\",");
    Path foreign = OfferFiles.write(dir, "other.json", "{\"prices\": []}");
    Path noPrice =
        OfferFiles.write(
            dir,
            "noprice.json",
            "{\"format\": \"guestbench-prices-v1\", \"prices\": [{\"instance_type\": \"m5.large\","
                + " \"region\": \"us-east-1\", \"as_of\": \"2024-05\", \"source\": \"x\"}]}");

    assertThatThrownBy(() -> new PriceFile(damaged).tableInUse())
        .hasMessageStartingWith(damaged + ": not valid JSON")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> new PriceFile(foreign).tableInUse())
        .hasMessage(
            foreign + ": not a guestbench price file (no \"format\": guestbench-prices-v1)");
    assertThatThrownBy(() -> new PriceFile(noPrice).tableInUse())
        .hasMessage(noPrice + ": prices[0].dollars_per_hour is missing");
  }

  @Test
  void theSurchargeSurvivesTheFile() throws Exception {
    PriceFile file = new PriceFile(dir.resolve("prices.json"));

    file.write(PriceTable.builtIn().all());

    assertThat(file.read().orElseThrow().all()).isEqualTo(PriceTable.builtIn().all());
  }
}
