package io.guestbench.collector.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.guestbench.collector.compare.CompareEngine;
import io.guestbench.collector.compare.CompareOptions;
import io.guestbench.collector.compare.CompareReport;
import io.guestbench.collector.compare.Observation;
import io.guestbench.collector.compare.RatioInterval;
import io.guestbench.collector.compare.Run;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CostOfGroupsTest {
  private static final String DISK = "disk.job rw=randread bs_bytes=4096 iodepth=1";
  private static final String IOPS = "guestbench_disk_read_ops_per_second";
  private static final String LATENCY = "guestbench_disk_read_latency_seconds";
  private final PriceTable table = PriceTable.builtIn();
  private final Random random = new Random(42);
  private final List<Observation> observations = new ArrayList<>();

  @Test
  void workPerDollarIsTheMedianOverEachGroupsPrice() {
    double[] pv = add("pv", "m1.small", "us-east-1a", 1000);
    double[] hvm = add("hvm", "m3.medium", "us-east-1b", 2000);

    CostReport cost = cost();

    assertThat(cost.groups()).extracting(GroupPrice::group).containsExactly("hvm", "pv");
    assertThat(cost.groups().get(1).words())
        .isEqualTo("$0.044/h for m1.small in us-east-1 (ec2instances.info, as of 2017-11)");
    assertThat(cost.rows()).extracting(RowCost::metric).containsExactly(IOPS);
    List<WorkPerDollar> iops = cost.rows().getFirst().groups();
    assertThat(iops.get(0).perDollarHour().getAsDouble())
        .isCloseTo(median(hvm) / 0.067, within(1e-9));
    assertThat(iops.get(1).perDollarHour().getAsDouble())
        .isCloseTo(median(pv) / 0.044, within(1e-9));
    assertThat(iops.get(1).words())
        .startsWith(CostOfGroups.number(median(pv) / 0.044) + " per $/h (median ");
  }

  @Test
  void theRatioToTheReferenceCarriesTheIntervalOverByThePriceRatio() {
    add("pv", "m1.small", "us-east-1a", 1000);
    add("hvm", "m3.medium", "us-east-1a", 2000);
    CompareReport report = report();
    RatioInterval speed =
        report.rows().stream()
            .filter(r -> r.metric().equals(IOPS))
            .findFirst()
            .orElseThrow()
            .comparisons()
            .getFirst()
            .ratio()
            .orElseThrow();

    WorkPerDollar pv =
        CostOfGroups.of(report, GroupMachines.of(observations, "virt_type"), table)
            .rows()
            .getFirst()
            .groups()
            .get(1);

    double k = 0.067 / 0.044; // hvm (reference) price over pv price
    RatioInterval perDollar = pv.vsReference().orElseThrow();
    assertThat(perDollar.estimate()).isCloseTo(speed.estimate() * k, within(1e-12));
    assertThat(perDollar.lower()).isCloseTo(speed.lower() * k, within(1e-12));
    assertThat(perDollar.upper()).isCloseTo(speed.upper() * k, within(1e-12));
    assertThat(pv.words()).contains("× the reference's work per dollar (95% CI ");
  }

  @Test
  void aGroupMixingInstanceTypesGetsWordsNotANumber() {
    add("pv", "m1.small", "us-east-1a", 1000);
    add("pv", "c1.medium", "us-east-1a", 1500);
    add("hvm", "m3.medium", "us-east-1a", 2000);

    CostReport cost = cost();

    GroupPrice pv = cost.groups().get(1);
    assertThat(pv.price()).isEmpty();
    assertThat(pv.words())
        .isEqualTo(
            "group pv mixes instance types c1.medium, m1.small: no single price (group by"
                + " instance_type, or compare one type at a time)");
    WorkPerDollar work = cost.rows().getFirst().groups().get(1);
    assertThat(work.perDollarHour()).isEmpty();
    assertThat(work.vsReference()).isEmpty();
    assertThat(work.words()).isEqualTo("no work per dollar: " + pv.words());
    assertThat(cost.rows().getFirst().groups().getFirst().vsReference()).isEmpty();
  }

  @Test
  void anUnpricedTypeSaysSoAndTheOtherGroupStillGetsItsFigure() {
    add("pv", "m1.small", "us-east-1a", 1000);
    add("hvm", "m7g.large", "us-east-1a", 2000);

    CostReport cost = cost();

    assertThat(cost.groups().getFirst().words()).startsWith("no price for m7g.large in us-east-1");
    WorkPerDollar pv = cost.rows().getFirst().groups().get(1);
    assertThat(pv.perDollarHour()).isPresent();
    assertThat(pv.vsReference()).as("the reference has no price").isEmpty();
  }

  @Test
  void regionsComeFromZonesAndAnUnknownZoneIsPricedAsUsEast1WithANote() {
    add("pv", "m1.small", "eu-west-1a", 1000);
    add("hvm", "m3.medium", "unknown", 2000);

    CostReport cost = cost();

    assertThat(cost.groups().get(1).words()).startsWith("no price for m1.small in eu-west-1");
    assertThat(cost.groups().getFirst().words())
        .endsWith("; region not known, so the us-east-1 price");
    assertThat(cost.groups().getFirst().price()).isPresent();
  }

  @Test
  void groupsInSeveralRegionsHaveNoSinglePrice() {
    add("pv", "m1.small", "eu-west-1a", 1000);
    add("pv", "m1.small", "us-east-1a", 1000);
    add("hvm", "m3.medium", "us-east-1a", 2000);

    assertThat(cost().groups().get(1).words())
        .isEqualTo("group pv ran in several regions (eu-west-1, us-east-1): no single price");
  }

  @Test
  void aGroupWithoutMachinesSaysSo() {
    add("pv", "m1.small", "us-east-1a", 1000);
    add("hvm", "m3.medium", "us-east-1a", 2000);

    CostReport cost = CostOfGroups.of(report(), Map.of(), table);

    assertThat(cost.groups())
        .extracting(GroupPrice::words)
        .containsExactly(
            "no instance type is known for group hvm", "no instance type is known for group pv");
  }

  @Test
  void anEmptyReportHasNoCosts() {
    CostReport cost = cost();

    assertThat(cost.groups()).isEmpty();
    assertThat(cost.rows()).isEmpty();
    assertThat(cost.tableOrigin()).isEqualTo("built-in defaults");
  }

  private CostReport cost() {
    return CostOfGroups.of(report(), GroupMachines.of(observations, "virt_type"), table);
  }

  private CompareReport report() {
    return new CompareEngine().compare(observations, CompareOptions.defaults().reference("hvm"));
  }

  /** Eight runs of IOPS around {@code level} and their latency; returns the IOPS values. */
  private double[] add(String virt, String type, String zone, double level) {
    double[] values = new double[8];
    for (int i = 0; i < values.length; i++) {
      Run run =
          new Run(
              virt + "-" + type + "-" + zone + "-" + i,
              Instant.parse("2026-11-26T12:00:00Z").plusSeconds(60L * i),
              type,
              zone,
              "1.0",
              OptionalDouble.of(0.0),
              Map.of("virt_type", virt));
      values[i] = level * (0.95 + 0.1 * random.nextDouble());
      observations.add(new Observation(run, DISK, IOPS, values[i]));
      observations.add(new Observation(run, DISK, LATENCY, 1 / values[i]));
    }
    return values;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return (sorted[3] + sorted[4]) / 2;
  }
}
