/**
 * What the machines cost: a price table (instance type and region to USD per hour, each price with
 * its date and source), the AWS offer-file importer behind {@code collector prices import}, the
 * {@code guestbench_instance_price_dollars_per_hour} gauge, and the cost side of a compare report.
 *
 * <h2>For the compare outputs (report, {@code /api/v1/compare}, {@code /compare})</h2>
 *
 * <pre>{@code
 * // the table: in `serve`, inject PricesInUse (loaded at start) and call table();
 * // offline (`collector report`), read it from the config's price file:
 * PriceTable table = new PriceFile(config.pricesFile()).tableInUse(); // throws PriceDataException
 *
 * CompareReport report = new CompareEngine().compare(observations, options);
 * Map<String, GroupMachines> machines = GroupMachines.of(observations, options.by());
 * CostReport cost = CostOfGroups.of(report, machines, table);
 * }</pre>
 *
 * {@link io.guestbench.collector.cost.CostReport} holds, in the report's group order, each group's
 * {@link io.guestbench.collector.cost.GroupPrice} (the {@link io.guestbench.collector.cost.Price}
 * when the group ran on one priced type in one region, and always {@code words}: the price with its
 * date and source, or why there is none, for example a group mixing instance types) and, for every
 * row whose metric is a rate of work, a {@link io.guestbench.collector.cost.RowCost} with each
 * group's {@link io.guestbench.collector.cost.WorkPerDollar} (median over $/hour, its ratio to the
 * reference's with the bootstrap interval carried over, and {@code words}). Print {@code words}
 * where a number is missing; never print a price without its {@link
 * io.guestbench.collector.cost.Price#provenance()}.
 *
 * <p>Everything but {@link io.guestbench.collector.cost.PriceFile}, {@link
 * io.guestbench.collector.cost.OfferFileReader}, {@link io.guestbench.collector.cost.PriceImport}
 * and {@link io.guestbench.collector.cost.PricesInUse} is pure.
 */
package io.guestbench.collector.cost;
