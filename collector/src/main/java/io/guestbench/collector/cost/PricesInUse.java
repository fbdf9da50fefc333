package io.guestbench.collector.cost;

import io.guestbench.common.lifecycle.Service;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * The running collector's price table: loaded from {@code prices.file} (over the built-in defaults)
 * when the collector starts, and exported as {@link PriceGauges}. A price file that exists but
 * cannot be read stops the start with one line saying why. Importing while the collector runs takes
 * effect at its next start.
 */
public final class PricesInUse implements Service {
  private final PriceFile file;
  private final MeterRegistry registry;
  private volatile PriceTable table;

  public PricesInUse(PriceFile file, MeterRegistry registry) {
    this.file = file;
    this.registry = registry;
  }

  /** The table loaded at start. */
  public PriceTable table() {
    PriceTable loaded = table;
    if (loaded == null) {
      throw new IllegalStateException("the price table is loaded when the collector starts");
    }
    return loaded;
  }

  @Override
  public String name() {
    return "prices";
  }

  @Override
  public void start() throws PriceDataException {
    if (table != null) {
      return;
    }
    PriceTable loaded = file.tableInUse();
    new PriceGauges(loaded).bindTo(registry);
    table = loaded;
  }

  @Override
  public void stop(Duration grace) {}
}
