package io.guestbench.collector.cost;

import io.guestbench.collector.compare.CompareReport;
import io.guestbench.collector.compare.Comparison;
import io.guestbench.collector.compare.Direction;
import io.guestbench.collector.compare.GroupResult;
import io.guestbench.collector.compare.RatioInterval;
import io.guestbench.collector.compare.Row;
import io.guestbench.collector.compare.Summary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The cost answer for a compare report: pure, no I/O. Each group's $/hour comes from its one
 * instance type; work per dollar is given for the rows whose metric is a rate of work ({@link
 * Direction#HIGHER_IS_FASTER}: throughput, IOPS, operations per second), as the median over the
 * $/hour.
 */
public final class CostOfGroups {
  private CostOfGroups() {}

  /**
   * The cost report.
   *
   * @param report the compare engine's report
   * @param machines each group's instance types and regions, for example from {@link
   *     GroupMachines#of}; a group missing here is reported as having no known instance type
   * @param table the price table in use
   */
  public static CostReport of(
      CompareReport report, Map<String, GroupMachines> machines, PriceTable table) {
    GroupPricer pricer = new GroupPricer(table);
    Map<String, GroupPrice> prices = new LinkedHashMap<>();
    report.groups().forEach(g -> prices.put(g, pricer.price(g, machines.get(g))));
    List<RowCost> rows = new ArrayList<>();
    for (Row row : report.rows()) {
      if (row.direction() == Direction.HIGHER_IS_FASTER) {
        rows.add(rowCost(row, prices, report.reference()));
      }
    }
    return new CostReport(
        report.by(), report.reference(), table.origin(), List.copyOf(prices.values()), rows);
  }

  private static RowCost rowCost(Row row, Map<String, GroupPrice> prices, String reference) {
    List<WorkPerDollar> groups = new ArrayList<>();
    for (GroupResult result : row.groups()) {
      GroupPrice price = prices.get(result.group());
      Optional<RatioInterval> ratio =
          row.comparisons().stream()
              .filter(c -> c.group().equals(result.group()) && c.reference().equals(reference))
              .findFirst()
              .flatMap(Comparison::ratio);
      groups.add(perDollar(result, price, ratio, prices.get(reference)));
    }
    return new RowCost(row.config(), row.metric(), groups);
  }

  private static WorkPerDollar perDollar(
      GroupResult result,
      GroupPrice price,
      Optional<RatioInterval> ratio,
      GroupPrice referencePrice) {
    String group = result.group();
    if (price == null || price.price().isEmpty()) {
      String why = price == null ? "group " + group + " is not in the report" : price.words();
      return none(group, "no work per dollar: " + why);
    }
    if (result.summary().isEmpty()) {
      return none(group, "no work per dollar: group " + group + " has no runs of this metric");
    }
    Summary summary = result.summary().get();
    Price p = price.price().get();
    double perDollar = summary.median() / p.perHour();
    Optional<RatioInterval> vsReference = scaled(ratio, p, referencePrice);
    String words =
        "%s per $/h (median %s at %s)"
            .formatted(
                number(perDollar), number(summary.median()), Money.perHour(p.dollarsPerHour()));
    words += vsReference.map(r -> "; " + relative(r)).orElse("");
    return new WorkPerDollar(group, OptionalDouble.of(perDollar), vsReference, words);
  }

  /** The medians' ratio times the reference's price over this group's: the per-dollar ratio. */
  private static Optional<RatioInterval> scaled(
      Optional<RatioInterval> ratio, Price price, GroupPrice referencePrice) {
    if (ratio.isEmpty() || referencePrice == null || referencePrice.price().isEmpty()) {
      return Optional.empty();
    }
    double k = referencePrice.price().get().perHour() / price.perHour();
    RatioInterval r = ratio.get();
    return Optional.of(
        new RatioInterval(
            r.estimate() * k, r.lower() * k, r.upper() * k, r.confidence(), r.resamples()));
  }

  private static String relative(RatioInterval r) {
    return "%s× the reference's work per dollar (%s%% CI %s–%s×)"
        .formatted(
            number(r.estimate()),
            String.format(Locale.ROOT, "%.0f", r.confidence() * 100),
            number(r.lower()),
            number(r.upper()));
  }

  private static WorkPerDollar none(String group, String words) {
    return new WorkPerDollar(group, OptionalDouble.empty(), Optional.empty(), words);
  }

  /** Three significant digits, plain for ordinary sizes: {@code 149000}, {@code 1.49e+09}. */
  static String number(double value) {
    double abs = Math.abs(value);
    if (abs >= 1e-3 && abs < 1e7) {
      return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
