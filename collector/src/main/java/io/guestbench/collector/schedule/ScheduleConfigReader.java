package io.guestbench.collector.schedule;

import io.guestbench.common.config.ConfigNode;
import io.guestbench.common.text.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code schedule} section of the collector's config; problems go to the node's list. */
public final class ScheduleConfigReader {
  static final Duration SLOT = Duration.ofSeconds(15);
  static final Duration GAP = Duration.ofSeconds(2);
  static final Duration LEAD = Duration.ofSeconds(2);
  static final Duration EVERY = Duration.ofMinutes(15);

  /**
   * Time a test needs in its slot beyond warm-up and measurement: connecting, the peer's report.
   */
  static final Duration MARGIN = Duration.ofSeconds(1);

  private static final Set<String> NAMES = Set.of("stream", "rr", "crr", "udp");
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final int MAX_PARAMS = 15; // the protocol's 16, with the peer the scheduler adds

  private ScheduleConfigReader() {}

  public static ScheduleConfig read(ConfigNode node) {
    boolean enabled = node.bool("enabled", false);
    Duration slot = node.duration("slot", SLOT, Duration.ofSeconds(1), Duration.ofHours(1));
    Duration gap = node.duration("gap", GAP, Duration.ZERO, Duration.ofMinutes(10));
    Duration lead = node.duration("lead", LEAD, Duration.ofMillis(100), Duration.ofMinutes(10));
    Duration every = node.duration("every", EVERY, Duration.ZERO, Duration.ofDays(7));
    List<NetTest> tests = new ArrayList<>();
    List<ConfigNode> items = node.list("tests");
    for (ConfigNode item : items) {
      test(item, slot).ifPresent(tests::add);
    }
    if (enabled && items.isEmpty()) {
      node.problems()
          .add(
              node.path("tests")
                  + ": none (expected: at least one network test, e.g. [{probe: net.rr}])");
    }
    node.finish();
    return new ScheduleConfig(enabled, slot, gap, lead, every, tests);
  }

  private static Optional<NetTest> test(ConfigNode item, Duration slot) {
    String probe = item.string("probe", "");
    String name = probe.startsWith("net.") ? probe.substring(4) : "";
    if (!NAMES.contains(name)) {
      item.problems().add(item.path("probe"), probe, "net.stream, net.rr, net.crr or net.udp");
    }
    Map<String, String> params = params(item);
    Duration busy = busy(item, params, slot);
    item.finish();
    return NAMES.contains(name) ? Optional.of(new NetTest(name, params, busy)) : Optional.empty();
  }

  private static Map<String, String> params(ConfigNode item) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String key : item.keys()) {
      if (key.equals("probe")) {
        continue;
      }
      String value = item.string(key, "");
      if (key.equals("peer")) {
        item.problems().add(item.path(key), value, "no peer: the scheduler sets it for each pair");
      } else if (!KEY.matcher(key).matches() || value.length() > 128) {
        item.problems()
            .add(item.path(key), value, "a parameter name and a value of 128 characters at most");
      } else {
        params.put(key, value);
      }
    }
    if (params.size() > MAX_PARAMS) {
      item.problems().add(item.path(""), params.size() + " parameters", "at most " + MAX_PARAMS);
    }
    return params;
  }

  /** Warm-up plus measured time, which must leave the margin free within the slot. */
  private static Duration busy(ConfigNode item, Map<String, String> params, Duration slot) {
    Duration warmup = duration(item, params, "warmup", Duration.ofSeconds(2));
    Duration duration = duration(item, params, "duration", Duration.ofSeconds(10));
    Duration busy = warmup.plus(duration);
    if (busy.plus(MARGIN).compareTo(slot) > 0) {
      item.problems()
          .add(
              item.path("duration"),
              Durations.format(duration),
              "warmup "
                  + Durations.format(warmup)
                  + " + duration + "
                  + Durations.format(MARGIN)
                  + " within schedule.slot "
                  + Durations.format(slot));
    }
    return busy;
  }

  private static Duration duration(
      ConfigNode item, Map<String, String> params, String key, Duration fallback) {
    String text = params.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      Duration d = Durations.parse(text);
      if (!d.isNegative()) {
        return d;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // reported below
    }
    item.problems().add(item.path(key), text, "a duration, e.g. 5s");
    return fallback;
  }
}
