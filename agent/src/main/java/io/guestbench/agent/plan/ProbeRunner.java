package io.guestbench.agent.plan;

import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.ProbeSpec;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one probe configuration and always returns a result: a probe that fails, or a spec that does
 * not check, gives an error result instead of an exception, so the agent keeps running.
 */
public final class ProbeRunner {
  private static final Logger log = Logger.getLogger(ProbeRunner.class.getName());

  private final ProbeCatalog catalog;
  private final Clock clock;

  public ProbeRunner(ProbeCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  public ProbeResult run(String runId, ProbeSpec spec, ProbeRun.Progress progress)
      throws InterruptedException {
    Optional<Probe> probe = catalog.find(spec.probe());
    List<String> problems = catalog.check(spec);
    if (probe.isEmpty() || !problems.isEmpty()) {
      // A known probe keeps its family, so the collector counts the error under it.
      return ended(runId, spec, RunStatus.RUN_STATUS_ERROR, String.join("; ", problems));
    }
    try {
      return probe.get().run(new ProbeRun(runId, spec.params(), progress));
    } catch (InterruptedException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      log.log(Level.WARNING, "probe " + spec.probe() + " failed", e);
      return failed(runId, spec, probe.get().kind(), e.toString());
    }
  }

  /**
   * A result for a run that did not measure: refused, cut off at a deadline, or never started. It
   * carries the probe's family when the probe is known, so the collector counts it under it.
   */
  public ProbeResult ended(String runId, ProbeSpec spec, RunStatus status, String why) {
    ProbeKind kind =
        catalog.find(spec.probe()).map(Probe::kind).orElse(ProbeKind.PROBE_KIND_UNSPECIFIED);
    return failed(runId, spec, kind, why).toBuilder().setStatus(status).build();
  }

  private ProbeResult failed(String runId, ProbeSpec spec, ProbeKind kind, String why) {
    long now = clock.wallNanos();
    int dot = spec.probe().indexOf('.');
    return ProbeResult.newBuilder()
        .setRunId(runId)
        .setKind(kind)
        .setName(dot < 0 ? spec.probe() : spec.probe().substring(dot + 1))
        .putAllParams(spec.params())
        .setStartTimeUnixNano(now)
        .setEndTimeUnixNano(now)
        .setStatus(RunStatus.RUN_STATUS_ERROR)
        .setStatusMessage(why.length() > 1000 ? why.substring(0, 1000) : why)
        .setStealRatio(-1)
        .build();
  }
}
