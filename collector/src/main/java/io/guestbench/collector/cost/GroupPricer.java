package io.guestbench.collector.cost;

import java.util.Collections;
import java.util.Optional;
import java.util.TreeSet;

/** Prices a group when it ran on one instance type in one region, and says why not otherwise. */
final class GroupPricer {
  private final PriceTable table;

  GroupPricer(PriceTable table) {
    this.table = table;
  }

  GroupPrice price(String group, GroupMachines machines) {
    if (machines == null || machines.instanceTypes().isEmpty()) {
      return unpriced(group, machines, "no instance type is known for group " + group);
    }
    if (machines.instanceTypes().size() > 1) {
      return unpriced(
          group,
          machines,
          "group "
              + group
              + " mixes instance types "
              + String.join(", ", machines.instanceTypes())
              + ": no single price (group by instance_type, or compare one type at a time)");
    }
    if (machines.regions().size() > 1) {
      return unpriced(
          group,
          machines,
          "group "
              + group
              + " ran in several regions ("
              + String.join(", ", machines.regions())
              + "): no single price");
    }
    String type = machines.instanceTypes().first();
    boolean regionKnown = !machines.regions().isEmpty();
    String region = regionKnown ? machines.regions().first() : PriceTable.DEFAULT_REGION;
    return switch (table.lookup(type, region)) {
      case PriceLookup.Priced(Price p) ->
          new GroupPrice(
              group,
              machines.instanceTypes(),
              Optional.of(p),
              p.describe()
                  + (regionKnown ? "" : "; region not known, so the " + region + " price"));
      case PriceLookup.Unpriced u -> unpriced(group, machines, u.reason());
    };
  }

  private static GroupPrice unpriced(String group, GroupMachines machines, String why) {
    return new GroupPrice(
        group,
        machines == null
            ? Collections.unmodifiableSortedSet(new TreeSet<>())
            : machines.instanceTypes(),
        Optional.empty(),
        why);
  }
}
