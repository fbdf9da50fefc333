package io.guestbench.agent.cli;

import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.cpu.ComputeParams;
import io.guestbench.agent.probe.cpu.Kernel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code cpu} command's options into checked probe runs, one per kernel.
 *
 * @param runs what to run, empty when there are problems
 * @param problems one line each, naming the command-line options rather than the probe's keys
 */
record CpuRuns(List<ProbeRun> runs, List<String> problems) {
  static final String BOTH = "both";

  CpuRuns {
    runs = List.copyOf(runs);
    problems = List.copyOf(problems);
  }

  /** Options left {@code null} take the probe's defaults. */
  static CpuRuns plan(
      Probe probe,
      String runIdPrefix,
      String kernel,
      String warmup,
      String iterations,
      String opsPerIteration) {
    Map<String, String> common = new LinkedHashMap<>();
    putIfSet(common, ComputeParams.WARMUP, warmup);
    putIfSet(common, ComputeParams.ITERATIONS, iterations);
    putIfSet(common, ComputeParams.OPS_PER_ITERATION, opsPerIteration);

    List<String> problems = new ArrayList<>();
    List<String> kernels = Kernel.labels();
    if (!BOTH.equals(kernel)) {
      if (!kernels.contains(kernel)) {
        problems.add(
            "--kernel: " + kernel + " (expected: " + String.join(", ", kernels) + " or both)");
      }
      kernels = List.of(String.valueOf(kernel));
    }
    // The options are the same for every kernel, so one check covers them all.
    probe.check(common).forEach(p -> problems.add(asOption(p)));
    if (!problems.isEmpty()) {
      return new CpuRuns(List.of(), problems);
    }
    List<ProbeRun> runs = new ArrayList<>();
    for (String k : kernels) {
      Map<String, String> params = new LinkedHashMap<>(common);
      params.put(ComputeParams.KERNEL, k);
      runs.add(new ProbeRun(runIdPrefix + "-" + k, params, ProbeRun.Progress.NONE));
    }
    return new CpuRuns(runs, List.of());
  }

  private static void putIfSet(Map<String, String> params, String key, String value) {
    if (value != null) {
      params.put(key, value);
    }
  }

  /** {@code ops_per_iteration: 5 (...)} becomes {@code --ops-per-iteration: 5 (...)}. */
  private static String asOption(String problem) {
    int colon = problem.indexOf(':');
    return colon < 0
        ? problem
        : "--" + problem.substring(0, colon).replace('_', '-') + problem.substring(colon);
  }
}
