package io.guestbench.agent.probe.disk;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code disk.job}: a fio-style disk job (pattern, block size, queue depth, engine, flushes) on a
 * scratch file the probe lays out and removes, with IOPS, bandwidth and latency histograms.
 */
public final class DiskProbe implements Probe {
  private final JobRunner runner;
  private final Clock clock;

  @Inject
  public DiskProbe(JobRunner runner, Clock clock) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ProbeKind kind() {
    return ProbeKind.PROBE_KIND_DISK;
  }

  @Override
  public String name() {
    return "job";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> check(Map<String, String> params) {
    ParamReader reader = new ParamReader(params);
    DiskParams.read(reader);
    return reader.problems();
  }

  @Override
  public ProbeResult run(ProbeRun run) throws InterruptedException {
    ParamReader reader = new ParamReader(run.params());
    DiskJob job = DiskParams.read(reader);
    if (!reader.problems().isEmpty()) {
      // Unchecked parameters are not echoed: they may be unbounded, and params are label-like.
      return DiskResults.notRun(
          this,
          run,
          null,
          RunStatus.RUN_STATUS_ERROR,
          String.join("; ", reader.problems()),
          clock.wallNanos());
    }
    JobOutcome outcome = runner.run(job, run.runId(), Spelling.PLAN, run.progress());
    return DiskResults.of(this, run, job, outcome, clock.wallNanos());
  }
}
