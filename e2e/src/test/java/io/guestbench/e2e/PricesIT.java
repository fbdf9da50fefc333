package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code collector prices import} then {@code collector serve}: the real binaries, the committed
 * offer-file fixture, and the price gauge on {@code /metrics} as Prometheus would scrape it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PricesIT extends RealProcessTest {
  private static final Path FIXTURE =
      Path.of("..", "collector", "src", "test", "resources", "prices", "offer-ec2-small.json")
          .toAbsolutePath()
          .normalize();

  @Test
  void importedPricesAreOnMetricsBesideTheDefaults() throws Exception {
    // serve --journal-dir DIR/journal keeps its price file beside it, in DIR/prices.json
    var imported = importPrices(FIXTURE);
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).startsWith("imported 3 instance types for us-east-1");

    CollectorProcess collector = CollectorProcess.start(runner, dir);
    String metrics = Http.get(collector.metricsUrl()).body();

    assertThat(metrics)
        .contains(
            "guestbench_instance_price_dollars_per_hour{instance_type=\"m5.large\",region=\"us-east-1\",source=\"AWS Price List (published 2024-05-09), as of 2024-05-01\"} 0.096")
        .contains(
            "guestbench_instance_price_dollars_per_hour{instance_type=\"m1.small\",region=\"us-east-1\",source=\"ec2instances.info, as of 2017-11\"} 0.044");
    assertThat(Promtool.checkMetrics(metrics)).as("promtool check metrics").isEmpty();
    assertThat(collector.terminate(30)).isZero();
  }

  @Test
  void aDamagedPriceFileStopsTheCollectorInOneLine() throws Exception {
    Files.writeString(dir.resolve("prices.json"), "{\"format\": \"guestbench-prices-v1\", \"pri");

    var serve =
        runner.run(
            "collector",
            60,
            ProcessRunner.jar(
                "guestbench.collector.jar",
                "serve",
                "--plaintext",
                "--bind",
                "127.0.0.1",
                "--grpc-port",
                "0",
                "--http-port",
                "0",
                "--journal-dir",
                dir.resolve("journal").toString()));

    assertThat(serve.exit()).isEqualTo(1);
    assertThat(serve.err().strip().lines())
        .singleElement()
        .asString()
        .startsWith("guestbench collector: cannot start prices: ")
        .contains("prices.json: not valid JSON");
  }

  private ProcessRunner.Finished importPrices(Path offer) throws Exception {
    assertThat(offer).exists();
    return runner.run(
        "import",
        60,
        ProcessRunner.jar(
            "guestbench.collector.jar",
            "prices",
            "import",
            offer.toString(),
            "--out",
            dir.resolve("prices.json").toString()));
  }
}
