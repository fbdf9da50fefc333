package io.guestbench.agent.plan;

import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows each plan probe's headline value across rounds to tell when the plan has settled (see
 * {@link Settling}). A probe's headline is its first rate or time scalar ({@code …_per_second},
 * {@code …_seconds}, {@code …_nanos}), else its first scalar.
 */
final class SettleTracker {
  /** How one run counted. */
  enum Counted {
    COUNTED,
    STEAL_MARKED,
    NOT_OK
  }

  private final Settling settling;
  private final List<List<Double>> headlines = new ArrayList<>();

  SettleTracker(Settling settling, int probes) {
    this.settling = settling;
    for (int i = 0; i < probes; i++) {
      headlines.add(new ArrayList<>());
    }
  }

  Counted record(int probe, ProbeResult result) {
    if (result.getStatus() != RunStatus.RUN_STATUS_OK) {
      return Counted.NOT_OK;
    }
    if (result.getStealRatio() * 100 > settling.maxStealPercent()) {
      return Counted.STEAL_MARKED;
    }
    headline(result).ifPresent(headlines.get(probe)::add);
    return Counted.COUNTED;
  }

  /** True when every probe has enough undisturbed runs with a low enough spread. */
  boolean settled() {
    for (List<Double> values : headlines) {
      if (values.size() < settling.minRounds() || !(cvPercent(values) <= settling.cvPercent())) {
        return false;
      }
    }
    return true;
  }

  /** The worst probe's spread, for the progress line; NaN before any probe has two runs. */
  double worstCvPercent() {
    double worst = Double.NaN;
    for (List<Double> values : headlines) {
      double cv = cvPercent(values);
      if (!Double.isNaN(cv) && (Double.isNaN(worst) || cv > worst)) {
        worst = cv;
      }
    }
    return worst;
  }

  static Optional<Double> headline(ProbeResult result) {
    for (Scalar s : result.getScalarsList()) {
      String n = s.getName();
      if (n.endsWith("_per_second") || n.endsWith("_seconds") || n.endsWith("_nanos")) {
        return Optional.of(s.getValue());
      }
    }
    return result.getScalarsCount() > 0
        ? Optional.of(result.getScalars(0).getValue())
        : Optional.empty();
  }

  static double cvPercent(List<Double> values) {
    if (values.size() < 2) {
      return Double.NaN;
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (values.size() - 1));
    return mean == 0 ? Double.NaN : 100 * sd / Math.abs(mean);
  }
}
