package io.guestbench.collector.cli;

import io.guestbench.collector.cost.Price;
import io.guestbench.collector.cost.PriceDataException;
import io.guestbench.collector.cost.PriceTable;
import io.guestbench.common.config.ConfigException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code prices show}: the table a collector started now would use, every price dated. */
@Command(
    name = "show",
    description = "Print the price table in use: built-in defaults overlaid with imported prices.")
public final class PricesShowCommand implements Callable<Integer> {
  @Mixin PriceFileOption source;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PriceTable table;
    try {
      table = source.priceFile().tableInUse();
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      return 2;
    } catch (PriceDataException e) {
      err.println("guestbench collector prices show: " + e.getMessage());
      return 2;
    }
    out.println("# " + table.origin());
    for (Price p : table.all()) {
      out.println(p.describe());
    }
    return 0;
  }
}
