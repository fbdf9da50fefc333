package io.guestbench.collector.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceGaugesTest {
  @TempDir Path dir;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void oneSeriesPerPriceWithItsSourceAndDate() throws Exception {
    new PricesInUse(new PriceFile(dir.resolve("prices.json")), registry).start();

    List<String> lines =
        registry.scrape().lines().filter(l -> l.startsWith("guestbench_instance_price")).toList();

    assertThat(lines).hasSize(PriceTable.builtIn().all().size());
    assertThat(lines)
        .contains(
            "guestbench_instance_price_dollars_per_hour{instance_type=\"c3.xlarge\",region=\"us-east-1\",source=\"ec2instances.info, as of 2017-11\"} 0.21",
            "guestbench_instance_price_dollars_per_hour{instance_type=\"t2.medium\",region=\"us-east-1\",source=\"ec2instances.info, as of 2017-11\"} 0.0464");
    assertThat(registry.scrape())
        .contains("# TYPE guestbench_instance_price_dollars_per_hour gauge");
  }

  @Test
  void importedPricesAreExportedBesideTheDefaults() throws Exception {
    PriceFile file = new PriceFile(dir.resolve("prices.json"));
    new PriceImport(file).run(OfferFiles.fixture(), "us-east-1");
    PricesInUse prices = new PricesInUse(file, registry);

    prices.start();

    assertThat(registry.scrape())
        .contains(
            "guestbench_instance_price_dollars_per_hour{instance_type=\"m5.large\",region=\"us-east-1\",source=\"AWS Price List (published 2024-05-09), as of 2024-05-01\"} 0.096")
        .contains("instance_type=\"m1.small\",region=\"us-east-1\",source=\"ec2instances.info");
    java.util.Set<String> types = new java.util.TreeSet<>();
    PriceTable.builtIn().all().forEach(p -> types.add(p.instanceType()));
    file.read().orElseThrow().all().forEach(p -> types.add(p.instanceType()));
    assertThat(prices.table().all()).hasSize(types.size()); // c3.xlarge, t2.medium replaced
    assertThat(registry.scrape().lines().filter(l -> l.startsWith("guestbench_instance_price")))
        .hasSize(types.size());
  }

  @Test
  void aDamagedPriceFileStopsTheStartInOneLine() {
    Path damaged = OfferFiles.write(dir, "prices.json", "{\"format\":");
    PricesInUse prices = new PricesInUse(new PriceFile(damaged), registry);

    assertThatThrownBy(prices::start)
        .isInstanceOf(PriceDataException.class)
        .hasMessageStartingWith(damaged + ": not valid JSON");
    assertThat(registry.scrape()).doesNotContain("guestbench_instance_price");
    assertThatThrownBy(prices::table).isInstanceOf(IllegalStateException.class);
  }
}
