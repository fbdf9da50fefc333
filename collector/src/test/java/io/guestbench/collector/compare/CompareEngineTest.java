package io.guestbench.collector.compare;

import static io.guestbench.collector.compare.Fixtures.CONFIG;
import static io.guestbench.collector.compare.Fixtures.iops;
import static io.guestbench.collector.compare.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.collector.compare.Verdict.Outcome;
import io.guestbench.collector.compare.Warning.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine end to end: verdicts in words, warnings, and bad input that still gives a report. */
class CompareEngineTest {
  private static final double[] HVM = {118, 121, 125, 119, 130, 122, 127, 124, 120, 126};
  private static final double[] PV = {100, 104, 98, 101, 97, 103, 99, 102, 105, 96};

  private final CompareEngine engine = new CompareEngine();
  private final CompareOptions options = CompareOptions.defaults();

  @Test
  void hvmFasterInWordsWithIntervalAndP() {
    Row row = single(engine.compare(side(HVM, PV, Fixtures.IOPS), options.reference("xen-pv")));
    Comparison c = row.comparisons().getFirst();
    assertThat(row.direction()).isEqualTo(Direction.HIGHER_IS_FASTER);
    assertThat(c.verdict().outcome()).isEqualTo(Outcome.BETTER);
    assertThat(c.ratio().orElseThrow().estimate()).isEqualTo(123 / 100.5);
    assertThat(c.test().orElseThrow().exact()).isTrue();
    assertThat(c.verdict().text())
        .matches(
            "xen-hvm 22% faster than xen-pv \\(95% CI \\d+–\\d+%; ratio 1\\.22, 95% CI"
                + " 1\\.\\d+–1\\.\\d+, p<0\\.001\\)");
    assertThat(row.groups()).extracting(GroupResult::group).containsExactly("xen-pv", "xen-hvm");
    assertThat(row.warnings()).isEmpty();
  }

  @Test
  void lowerLatencyIsFasterAndTheReferenceIsFirstSortedByDefault() {
    List<Observation> obs = side(HVM, PV, "guestbench_disk_read_latency_seconds");
    Comparison c = single(engine.compare(obs, options)).comparisons().getFirst();
    assertThat(c.reference()).isEqualTo("xen-hvm");
    assertThat(c.verdict().outcome()).isEqualTo(Outcome.BETTER);
    assertThat(c.verdict().text()).startsWith("xen-pv faster than xen-hvm: 18% less time (95% CI");
  }

  @Test
  void anUnknownDirectionGetsNoFasterOrSlower() {
    Comparison c =
        single(engine.compare(side(HVM, PV, "guestbench_thing"), options.reference("xen-pv")))
            .comparisons()
            .getFirst();
    assertThat(c.verdict().outcome()).isEqualTo(Outcome.HIGHER);
    assertThat(c.verdict().text())
        .startsWith("xen-hvm 22% higher than xen-pv")
        .endsWith("which is better is not known for this metric")
        .doesNotContain("faster");
  }

  @Test
  void overlappingGroupsAreNoSignificantDifference() {
    double[] alike = {99, 103, 97, 102, 100, 104, 98, 101, 96, 105};
    Comparison c =
        single(engine.compare(side(alike, PV, Fixtures.IOPS), options)).comparisons().getFirst();
    assertThat(c.verdict().outcome()).isEqualTo(Outcome.NO_SIGNIFICANT_DIFFERENCE);
    assertThat(c.verdict().text())
        .startsWith(
            "no significant difference between xen-pv and xen-hvm (CI includes 1; ratio 1.00, 95% CI");
  }

  @Test
  void theReportDoesNotDependOnInputOrder() {
    List<Observation> obs = new ArrayList<>(side(HVM, PV, Fixtures.IOPS));
    obs.addAll(side(PV, HVM, "guestbench_net_rtt_seconds"));
    CompareReport first = engine.compare(obs, options);
    Collections.shuffle(obs, new Random(3));
    assertThat(engine.compare(obs, options)).isEqualTo(first);
    assertThat(first.rows())
        .extracting(Row::metric)
        .containsExactly(Fixtures.IOPS, "guestbench_net_rtt_seconds");
  }

  @Test
  void threeGroupsAreEachComparedWithTheReference() {
    List<Observation> obs = new ArrayList<>(side(HVM, PV, Fixtures.IOPS));
    for (int i = 0; i < PV.length; i++) {
      obs.add(iops(run("kvm", "kvm-" + i), PV[i] * 1.01));
    }
    Row row = single(engine.compare(obs, options.reference("xen-pv")));
    assertThat(row.comparisons()).extracting(Comparison::group).containsExactly("kvm", "xen-hvm");
    assertThat(row.comparisons()).extracting(Comparison::reference).containsOnly("xen-pv");
  }

  @Test
  void emptyInputSaysSo() {
    CompareReport r = engine.compare(List.of(), options);
    assertThat(r.rows()).isEmpty();
    assertThat(r.problems())
        .containsExactly("no observations: nothing to compare (expected: probe results to group)");
  }

  @Test
  void anUnknownLabelListsTheKnownOnes() {
    CompareReport r = engine.compare(side(HVM, PV, Fixtures.IOPS), options.by("kernel"));
    assertThat(r.problems())
        .containsExactly(
            "compare.by: kernel (expected: a label the runs carry: agent_id, instance_type,"
                + " probe_version, virt_type, zone)");
  }

  @Test
  void oneGroupStillGetsItsSummary() {
    List<Observation> obs = side(HVM, new double[0], Fixtures.IOPS);
    CompareReport r = engine.compare(obs, options);
    assertThat(r.problems())
        .containsExactly(
            "only one group, virt_type=xen-hvm: nothing to compare it with (expected: runs with"
                + " at least two values of virt_type)");
    Row row = single(r);
    assertThat(row.comparisons()).isEmpty();
    assertThat(row.groups().getFirst().summary().orElseThrow().median()).isEqualTo(123);
  }

  @Test
  void aMissingReferenceFallsBackToTheFirstGroup() {
    CompareReport r = engine.compare(side(HVM, PV, Fixtures.IOPS), options.reference("xen-hvn"));
    assertThat(r.reference()).isEqualTo("xen-hvm");
    assertThat(r.problems())
        .containsExactly(
            "compare.reference: xen-hvn (expected: one of [xen-hvm, xen-pv]); using xen-hvm");
  }

  @Test
  void aGroupWithoutRunsOfAMetricIsNotComparable() {
    List<Observation> obs = new ArrayList<>(side(HVM, PV, Fixtures.IOPS));
    obs.add(new Observation(run("xen-hvm", "hvm-0"), CONFIG, "guestbench_net_rtt_seconds", 1e-4));
    Row rtt = engine.compare(obs, options).rows().get(1);
    Comparison c = rtt.comparisons().getFirst();
    assertThat(c.verdict())
        .isEqualTo(new Verdict(Outcome.NOT_COMPARABLE, "xen-pv has no runs of this metric"));
    assertThat(rtt.warnings())
        .extracting(Warning::message)
        .contains(
            "xen-pv: 0 runs (expected: at least 5 for a rank test and interval worth reading)",
            "xen-hvm: 1 runs (expected: at least 5 for a rank test and interval worth reading)");
  }

  @Test
  void zerosGiveNoRatioButStillARankTest() {
    double[] loss = {0, 0, 0.01, 0, 0.02, 0, 0, 0.01};
    double[] none = {0, 0, 0, 0, 0, 0, 0, 0};
    Comparison c =
        single(
                engine.compare(
                    side(loss, none, "guestbench_net_udp_loss_ratio"), options.reference("xen-pv")))
            .comparisons()
            .getFirst();
    assertThat(c.ratio()).isEmpty();
    assertThat(c.verdict().outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
    assertThat(c.verdict().text()).startsWith("no ratio: values at or below 0 (rank test p=0.0");
  }

  @Test
  void stolenRunsAreLeftOutAndCounted() {
    List<Observation> obs = new ArrayList<>(side(HVM, PV, Fixtures.IOPS));
    Run noisy = run("xen-pv", "pv-x", "m3.medium", "us-east-1a", "1.0", OptionalDouble.of(0.2));
    obs.add(iops(noisy, 10));
    obs.add(
        iops(run("xen-pv", "pv-y", "m3.medium", "us-east-1a", "1.0", OptionalDouble.empty()), 100));
    Row row = single(engine.compare(obs, options));
    GroupResult pv = row.groups().get(1);
    assertThat(pv.runs()).isEqualTo(11);
    assertThat(pv.stealExcluded()).isEqualTo(1);
    assertThat(row.warnings())
        .extracting(Warning::message)
        .containsExactly("xen-pv: 1 of 12 runs left out, steal above 5% of CPU time");
  }

  @Test
  void unfairFewSpreadAndOneInstanceAreWarned() {
    List<Observation> obs = new ArrayList<>();
    double[] spread = {50, 150, 100, 90};
    for (int i = 0; i < spread.length; i++) {
      obs.add(
          iops(
              run("xen-hvm", "hvm-1", "m3.large", "us-east-1b", "1.1", OptionalDouble.of(0)),
              spread[i]));
    }
    for (double v : PV) {
      obs.add(iops(run("xen-pv", "pv-" + v), v));
    }
    Row row = single(engine.compare(obs, options));
    assertThat(row.warnings())
        .extracting(Warning::kind)
        .containsExactly(
            Kind.TOO_FEW_RUNS,
            Kind.HIGH_SPREAD,
            Kind.ONE_INSTANCE,
            Kind.UNFAIR,
            Kind.UNFAIR,
            Kind.UNFAIR);
    assertThat(row.warnings())
        .extracting(Warning::message)
        .contains(
            "xen-hvm: coefficient of variation 0.42 over 4 runs (above 0.10)",
            "xen-hvm: all 4 runs from one instance (hvm-1): they speak for it, not for its kind",
            "unfair comparison: instance_type differs between groups (xen-hvm: m3.large; xen-pv:"
                + " m3.medium)");
    CompareReport byType = engine.compare(obs, options.by("instance_type"));
    assertThat(single(byType).warnings())
        .extracting(Warning::message)
        .noneMatch(m -> m.contains("instance_type differs"));
  }

  @Test
  void badOptionsAreListedAtOnce() {
    assertThatThrownBy(
            () -> new CompareOptions("virt_type", Optional.empty(), 10, 1, 1.5, 0.05, 1, 0.1, 0.05))
        .hasMessage(
            "compare.resamples: 10 (expected: 100..100000)\n"
                + "compare.confidence: 1.5 (expected: 0.5..<1)\n"
                + "compare.min_runs: 1 (expected: 2..1000)");
  }

  private static Row single(CompareReport report) {
    assertThat(report.rows()).hasSize(1);
    return report.rows().getFirst();
  }

  /** xen-hvm runs of {@code hvm}, xen-pv runs of {@code pv}, one agent per run. */
  static List<Observation> side(double[] hvm, double[] pv, String metric) {
    List<Observation> obs = new ArrayList<>();
    for (int i = 0; i < hvm.length; i++) {
      obs.add(new Observation(run("xen-hvm", "hvm-" + i), CONFIG, metric, hvm[i]));
    }
    for (int i = 0; i < pv.length; i++) {
      obs.add(new Observation(run("xen-pv", "pv-" + i), CONFIG, metric, pv[i]));
    }
    return obs;
  }
}
