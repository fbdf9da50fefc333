package io.guestbench.agent.cli;

import io.guestbench.agent.probe.method.MethodParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The measuring method's options, shared by {@code agent os} and {@code agent cpu}. */
final class MethodOptions {
  @Option(
      names = "--repetition",
      paramLabel = "DURATION",
      description = "Length of one measured repetition. Default: 200ms (spawn, bandwidth: 500ms).")
  String repetition;

  @Option(names = "--min-repetitions", paramLabel = "N", description = "Default: 3.")
  String minRepetitions;

  @Option(names = "--max-repetitions", paramLabel = "N", description = "Default: 10.")
  String maxRepetitions;

  @Option(
      names = "--cov-percent",
      paramLabel = "PERCENT",
      description =
          "Stop repeating once the coefficient of variation is at most this. Default: 3.5.")
  String covPercent;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME.KEY=VALUE",
      description = "A parameter of one probe, for example page_fault.region_bytes=16777216.")
  List<String> params = new ArrayList<>();

  /** The method options that were given, as probe parameters. */
  Map<String, String> common(String warmup) {
    Map<String, String> common = new LinkedHashMap<>();
    putIfSet(common, MethodParams.WARMUP, warmup);
    putIfSet(common, MethodParams.REPETITION, repetition);
    putIfSet(common, MethodParams.MIN_REPETITIONS, minRepetitions);
    putIfSet(common, MethodParams.MAX_REPETITIONS, maxRepetitions);
    putIfSet(common, MethodParams.COV_PERCENT, covPercent);
    return common;
  }

  private static void putIfSet(Map<String, String> params, String key, String value) {
    if (value != null) {
      params.put(key, value);
    }
  }
}
