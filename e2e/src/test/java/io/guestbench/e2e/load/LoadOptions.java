package io.guestbench.e2e.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The load generator's command line: {@code --key value} pairs, all problems listed at once. */
record LoadOptions(
    String host,
    int grpcPort,
    int httpPort,
    long pid,
    int agents,
    int seconds,
    int warmup,
    int ramp,
    int batch,
    int window,
    long rate,
    int eventLoops,
    long clockTicks,
    int histogramDigits,
    String timeline) {
  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("host", "127.0.0.1"),
          Map.entry("grpc-port", ""),
          Map.entry("http-port", ""),
          Map.entry("pid", ""),
          Map.entry("agents", "1000"),
          Map.entry("seconds", "60"),
          Map.entry("warmup", "15"),
          Map.entry("ramp", "0"),
          Map.entry("batch", "50"),
          Map.entry("window", "4"),
          Map.entry("rate", "0"),
          Map.entry("event-loops", "2"),
          Map.entry("clock-ticks", "100"),
          Map.entry("histogram-digits", "3"),
          Map.entry("timeline", ""));

  static LoadOptions parse(String... args) {
    Map<String, String> v = new TreeMap<>(DEFAULTS);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i += 2) {
      String key = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!DEFAULTS.containsKey(key) || i + 1 >= args.length) {
        problems.add(
            args[i] + ": unknown or without a value (expected: --" + DEFAULTS.keySet() + " VALUE)");
      } else {
        v.put(key, args[i + 1]);
      }
    }
    Ints ints = new Ints(v, problems);
    LoadOptions o =
        new LoadOptions(
            v.get("host"),
            (int) ints.get("grpc-port", 1, 65535),
            (int) ints.get("http-port", 1, 65535),
            ints.get("pid", 1, Long.MAX_VALUE),
            (int) ints.get("agents", 1, 100_000),
            (int) ints.get("seconds", 1, 3600),
            (int) ints.get("warmup", 0, 600),
            (int) ints.get("ramp", 0, 600),
            (int) ints.get("batch", 1, 1000),
            (int) ints.get("window", 1, 1000),
            ints.get("rate", 0, 100_000_000),
            (int) ints.get("event-loops", 1, 64),
            ints.get("clock-ticks", 1, 100_000),
            (int) ints.get("histogram-digits", 1, 3),
            v.get("timeline"));
    if (o.ramp() > o.warmup()) {
      problems.add("--ramp " + o.ramp() + ": longer than --warmup " + o.warmup());
    }
    if (o.ramp() > 0 && o.rate() == 0) {
      problems.add("--ramp needs --rate (the closed loop has no offered rate to ramp)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return o;
  }

  /** Reads whole numbers within bounds, collecting one line per bad value. */
  private record Ints(Map<String, String> values, List<String> problems) {
    long get(String key, long min, long max) {
      String raw = values.get(key);
      try {
        long n = Long.parseLong(raw);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(
          "--" + key + ": " + raw + " (expected: a whole number " + min + ".." + max + ")");
      return min;
    }
  }
}
