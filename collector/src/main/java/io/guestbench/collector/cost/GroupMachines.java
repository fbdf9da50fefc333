package io.guestbench.collector.cost;

import io.guestbench.collector.compare.Observation;
import io.guestbench.collector.compare.Run;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a group's runs ran on: the instance types and regions, as a price needs them.
 *
 * @param instanceTypes the instance types of the group's runs
 * @param regions the regions of their availability zones; empty when no zone was known
 */
public record GroupMachines(SortedSet<String> instanceTypes, SortedSet<String> regions) {
  public GroupMachines {
    instanceTypes = Collections.unmodifiableSortedSet(new TreeSet<>(instanceTypes));
    regions = Collections.unmodifiableSortedSet(new TreeSet<>(regions));
  }

  /**
   * The machines of each group when {@code observations} are grouped by {@code by}, as the compare
   * engine groups them (observations without the label are left out, as there).
   */
  public static Map<String, GroupMachines> of(List<Observation> observations, String by) {
    Map<String, SortedSet<String>> types = new HashMap<>();
    Map<String, SortedSet<String>> regions = new HashMap<>();
    for (Observation o : observations) {
      Run run = o.run();
      run.label(by)
          .ifPresent(
              group -> {
                types.computeIfAbsent(group, g -> new TreeSet<>()).add(run.instanceType());
                SortedSet<String> in = regions.computeIfAbsent(group, g -> new TreeSet<>());
                Regions.ofZone(run.zone()).ifPresent(in::add);
              });
    }
    Map<String, GroupMachines> out = new TreeMap<>();
    types.forEach((group, t) -> out.put(group, new GroupMachines(t, regions.get(group))));
    return out;
  }
}
