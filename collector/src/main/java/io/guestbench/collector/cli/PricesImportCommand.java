package io.guestbench.collector.cli;

import io.guestbench.collector.cost.OfferFile;
import io.guestbench.collector.cost.Price;
import io.guestbench.collector.cost.PriceDataException;
import io.guestbench.collector.cost.PriceFile;
import io.guestbench.collector.cost.PriceImport;
import io.guestbench.collector.cost.PriceTable;
import io.guestbench.common.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prices import FILE}: reads an AWS Price List offer file and replaces the region's prices
 * in the price file; a malformed file is refused with one line and the old table is kept.
 */
@Command(
    name = "import",
    description =
        "Import Linux on-demand prices from an AWS Price List bulk offer file (EC2 JSON) into the"
            + " price file the collector reads at start.")
public final class PricesImportCommand implements Callable<Integer> {
  private static final String ME = "guestbench collector prices import: ";

  @Parameters(index = "0", paramLabel = "FILE", description = "The offer file (JSON).")
  Path offerFile;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      defaultValue = PriceTable.DEFAULT_REGION,
      description = "Region whose prices to import (default ${DEFAULT-VALUE}).")
  String region;

  @Mixin PriceFileOption target;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Price.isRegionCode(region)) {
      err.println(ME + "--region " + region + " (expected: a region code such as us-east-1)");
      return 2;
    }
    PriceFile file;
    try {
      file = target.priceFile();
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      return 2;
    }
    try {
      OfferFile offer = new PriceImport(file).run(offerFile, region);
      out.println(summary(offer, file));
      return 0;
    } catch (PriceDataException e) {
      err.println(ME + e.getMessage() + "; " + file.path() + " left as it was");
      return 2;
    } catch (IOException e) {
      err.println(ME + "cannot write " + file.path() + " (" + e + "); left as it was");
      return 1;
    }
  }

  private String summary(OfferFile offer, PriceFile file) {
    String conflicts =
        offer.conflicting() == 0
            ? ""
            : ", " + offer.conflicting() + " conflicting duplicates (the first by SKU kept)";
    return "imported %d instance types for %s from %s (publicationDate %s, version %s) into %s;"
            .formatted(
                offer.prices().size(),
                offer.region(),
                offerFile,
                offer.publicationDate(),
                offer.version(),
                file.path())
        + (" left out %d products (not Linux, shared tenancy, no pre-installed software, used"
                + " capacity, on demand, in %s), %d without an hourly USD price%s; a running"
                + " collector uses them from its next start")
            .formatted(offer.leftOut(), offer.region(), offer.withoutHourlyPrice(), conflicts);
  }
}
