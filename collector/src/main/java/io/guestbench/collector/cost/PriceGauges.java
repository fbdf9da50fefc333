package io.guestbench.collector.cost;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code guestbench_instance_price_dollars_per_hour{instance_type, region, source}}: one series per
 * price in the table, so that Grafana can divide a group's throughput by its price with a join on
 * {@code instance_type}.
 */
public final class PriceGauges implements MeterBinder {
  static final String NAME = "guestbench.instance.price.dollars.per.hour";

  private final PriceTable table;

  public PriceGauges(PriceTable table) {
    this.table = table;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Price price : table.all()) {
      Gauge.builder(NAME, price, Price::perHour)
          .description(
              "On-demand Linux price of an instance type in a region, USD per hour, from the"
                  + " collector's price table; source says where from and as of when.")
          .tag("instance_type", price.instanceType())
          .tag("region", price.region())
          .tag("source", price.provenance())
          .strongReference(true)
          .register(registry);
    }
  }
}
