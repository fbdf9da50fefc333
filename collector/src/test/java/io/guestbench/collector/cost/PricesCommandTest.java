package io.guestbench.collector.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.CollectorMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code collector prices import|show} through the real command line. */
class PricesCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void importPrintsWhatItImportedAndShowListsIt() throws Exception {
    Path prices = dir.resolve("prices.json");

    int code = run("prices", "import", OfferFiles.fixture().toString(), "--out", prices.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("imported 3 instance types for us-east-1 from " + OfferFiles.fixture())
        .contains("(publicationDate 2024-05-09T21:15:17Z, version 20240509211517) into " + prices)
        .contains("left out 6 products")
        .contains("1 without an hourly USD price");
    assertThat(Files.exists(prices)).isTrue();

    out.getBuffer().setLength(0);
    assertThat(run("prices", "show", "--file", prices.toString())).isZero();
    assertThat(out.toString())
        .contains(
            "$0.096/h for m5.large in us-east-1 (AWS Price List (published 2024-05-09), as of"
                + " 2024-05-01)")
        .contains("$0.044/h for m1.small in us-east-1 (ec2instances.info, as of 2017-11)");
  }

  @Test
  void aTruncatedOfferFileIsRefusedInOneLineAndTheTableKept() throws Exception {
    Path prices = dir.resolve("prices.json");
    run("prices", "import", OfferFiles.fixture().toString(), "--out", prices.toString());
    byte[] before = Files.readAllBytes(prices);
    String text = OfferFiles.text();
    Path cut = OfferFiles.write(dir, "cut.json", text.substring(0, text.length() - 40));

    int code = run("prices", "import", cut.toString(), "--out", prices.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("guestbench collector prices import: " + cut + ": not valid JSON")
        .endsWith(prices + " left as it was");
    assertThat(Files.readAllBytes(prices)).isEqualTo(before);
  }

  @Test
  void theRegionOptionPicksTheRegion() {
    Path prices = dir.resolve("prices.json");

    run(
        "prices",
        "import",
        OfferFiles.fixture().toString(),
        "--region",
        "eu-west-1",
        "--out",
        prices.toString());

    assertThat(out.toString()).startsWith("imported 1 instance types for eu-west-1");
  }

  @Test
  void aRegionThatIsNotARegionCodeIsAUsageError() {
    int code =
        run(
            "prices",
            "import",
            OfferFiles.fixture().toString(),
            "--region",
            "Virginia",
            "--out",
            dir.resolve("p.json").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "guestbench collector prices import: --region Virginia (expected: a region code such as"
                + " us-east-1)");
    assertThat(dir.resolve("p.json")).doesNotExist();
  }

  @Test
  void theConfigsPriceFileIsUsedWithoutOut() throws Exception {
    Path prices = dir.resolve("elsewhere.json");
    Path config =
        OfferFiles.write(
            dir, "collector.yaml", "server: {plaintext: true}\nprices: {file: " + prices + "}\n");

    int code =
        run("prices", "import", OfferFiles.fixture().toString(), "--config", config.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.exists(prices)).isTrue();
  }

  private int run(String... args) {
    CommandLine cli = CollectorMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
