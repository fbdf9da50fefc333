package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.Problem.Reason.BAD_PARAM_VALUE;
import static io.guestbench.collector.metrics.Problem.Reason.BAD_STATUS;
import static io.guestbench.collector.metrics.Problem.Reason.BAD_STEAL;
import static io.guestbench.collector.metrics.Problem.Reason.BAD_TIME;
import static io.guestbench.collector.metrics.Problem.Reason.TOO_MANY_PARAMS;
import static io.guestbench.collector.metrics.Problem.Reason.UNKNOWN_PARAM;
import static io.guestbench.collector.metrics.Problem.Reason.UNKNOWN_PROBE;

import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.List;
import java.util.Map;

/** Decides whether a probe result fits the catalogue; never throws, whatever the input. */
final class ResultChecker {
  /** The protocol's bound for params, the same as for labels. */
  static final int MAX_PARAMS = 16;

  private final Catalogue catalogue;
  private final ThreadLocal<HdrDecoder> decoders;

  ResultChecker(Catalogue catalogue) {
    this(catalogue, ThreadLocal.withInitial(HdrDecoder::new));
  }

  ResultChecker(Catalogue catalogue, ThreadLocal<HdrDecoder> decoders) {
    this.catalogue = catalogue;
    this.decoders = decoders;
  }

  List<Problem> check(ProbeResult r) {
    return check(r, null);
  }

  /**
   * What is wrong with {@code r}; when nothing is, and {@code deltas} is not null, it holds what
   * each of the result's distributions adds to its series, in order.
   */
  List<Problem> check(ProbeResult r, List<HistogramDelta> deltas) {
    return check(catalogue.find(r.getKind(), r.getName()), r, deltas);
  }

  /** {@link #check(ProbeResult, List)} of a result the catalogue knows as {@code spec}, or not. */
  List<Problem> check(ProbeSpec spec, ProbeResult r, List<HistogramDelta> deltas) {
    Problems problems = new Problems();
    if (spec == null) {
      String kind =
          r.getKind() == ProbeKind.UNRECOGNIZED ? "" + r.getKindValue() : "" + r.getKind();
      problems.add(UNKNOWN_PROBE, "kind " + kind + ", name " + Problem.quote(r.getName()));
      return problems.list();
    }
    checkRun(r, problems);
    checkParams(spec, r, problems);
    ValueChecker.check(spec, r, problems, decoders.get(), deltas);
    return problems.list();
  }

  private static void checkRun(ProbeResult r, Problems problems) {
    if (r.getStatus() == RunStatus.RUN_STATUS_UNSPECIFIED
        || r.getStatus() == RunStatus.UNRECOGNIZED) {
      problems.add(BAD_STATUS, "status " + r.getStatusValue() + " (expected: ok, error, ...)");
    }
    long start = r.getStartTimeUnixNano();
    long end = r.getEndTimeUnixNano();
    if (start < 0 || end < 0) {
      // fixed64 above Long.MAX_VALUE: after the year 2262.
      problems.add(BAD_TIME, "start or end after the year 2262");
    } else if (r.getStatus() == RunStatus.RUN_STATUS_OK && (start == 0 || end == 0)) {
      problems.add(BAD_TIME, "an ok run needs start_time_unix_nano and end_time_unix_nano");
    } else if (start != 0 && end != 0 && end < start) {
      problems.add(BAD_TIME, "end " + end + " before start " + start);
    }
    double steal = r.getStealRatio();
    if (Double.isNaN(steal) || steal > 1) {
      problems.add(BAD_STEAL, "steal_ratio " + steal + " (expected: 0..1, negative if unknown)");
    }
  }

  private static void checkParams(ProbeSpec spec, ProbeResult r, Problems problems) {
    Map<String, String> params = r.getParamsMap();
    if (params.size() > MAX_PARAMS) {
      problems.add(TOO_MANY_PARAMS, params.size() + " params (limit " + MAX_PARAMS + ")");
      return;
    }
    int labels = 0;
    for (Map.Entry<String, String> param : params.entrySet()) {
      ParamSpec p = spec.param(param.getKey());
      if (p == null) {
        problems.add(UNKNOWN_PARAM, "params." + Problem.quote(param.getKey()));
      } else if (!p.accepts(param.getValue())) {
        problems.add(BAD_PARAM_VALUE, badValue(p, Problem.quote(param.getValue())));
      }
      labels += p != null && p.label() ? 1 : 0;
    }
    if (r.getStatus() == RunStatus.RUN_STATUS_OK && labels < spec.labelParams()) {
      for (ParamSpec p : spec.params()) {
        if (p.label() && !params.containsKey(p.key())) {
          problems.add(BAD_PARAM_VALUE, badValue(p, "missing"));
        }
      }
    }
  }

  private static String badValue(ParamSpec p, String value) {
    return "params." + p.key() + ": " + value + " (expected: " + p.values().pattern() + ")";
  }
}
