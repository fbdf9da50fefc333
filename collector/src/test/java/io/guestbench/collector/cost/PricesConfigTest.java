package io.guestbench.collector.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.collector.config.CollectorConfigLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code prices.file}: its default sits beside the journal's directory and follows it. */
class PricesConfigTest {
  private final CollectorConfigLoader loader = new CollectorConfigLoader("test").plaintextChosen();

  @Test
  void defaultsBesideTheJournal() throws Exception {
    assertThat(loader.defaults().pricesFile())
        .isEqualTo(Path.of("/var/lib/guestbench/prices.json"));
    assertThat(loader.parse("c.yaml", "journal: {dir: /data/gb/journal}").pricesFile())
        .isEqualTo(Path.of("/data/gb/prices.json"));
  }

  @Test
  void aDefaultPriceFileMovesWithTheJournalAndAChosenOneStays() throws Exception {
    CollectorConfig defaulted = loader.defaults().journalIn(Path.of("/tmp/demo/journal"));
    CollectorConfig chosen =
        loader.parse("c.yaml", "prices: {file: /etc/gb/prices.json}").journalIn(Path.of("/tmp/j"));

    assertThat(defaulted.pricesFile()).isEqualTo(Path.of("/tmp/demo/prices.json"));
    assertThat(chosen.pricesFile()).isEqualTo(Path.of("/etc/gb/prices.json"));
  }
}
