package io.guestbench.agent.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** One human-readable line per probe result, for the terminal. */
final class ResultLine {
  private ResultLine() {}

  static void print(ProbeResult r) {
    System.out.println(format(r));
  }

  /** One result as one line of proto3 JSON, for machines (JSON Lines). */
  static void printJson(ProbeResult r) {
    try {
      System.out.println(JsonFormat.printer().omittingInsignificantWhitespace().print(r));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a ProbeResult always has a JSON form", e);
    }
  }

  static String format(ProbeResult r) {
    StringBuilder line = new StringBuilder(ProbeCatalog.id(r.getKind(), r.getName()));
    new TreeMap<>(r.getParamsMap())
        .forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    if (r.getStatus() != RunStatus.RUN_STATUS_OK) {
      return line.append("  ")
          .append(status(r))
          .append(": ")
          .append(r.getStatusMessage())
          .toString();
    }
    r.getScalarsList()
        .forEach(
            s -> line.append("  ").append(s.getName()).append('=').append(number(s.getValue())));
    r.getDistributionsList().forEach(d -> line.append("  ").append(percentiles(d)));
    if (r.getStealRatio() >= 0) {
      line.append(String.format(Locale.ROOT, "  steal=%.2f%%", r.getStealRatio() * 100));
    }
    return line.toString();
  }

  private static String percentiles(Distribution d) {
    try {
      Histogram h =
          Histogram.decodeFromCompressedByteBuffer(
              ByteBuffer.wrap(d.getHdrHistogram().toByteArray()), 0);
      return String.format(
          Locale.ROOT,
          "%s p50=%s p99=%s max=%s n=%d",
          d.getName(),
          number(h.getValueAtPercentile(50)),
          number(h.getValueAtPercentile(99)),
          number(d.getMax()),
          d.getCount());
    } catch (Exception e) {
      return d.getName() + " (undecodable)";
    }
  }

  private static String status(ProbeResult r) {
    return r.getStatus().name().substring("RUN_STATUS_".length()).toLowerCase(Locale.ROOT);
  }

  static String number(double v) {
    if (v >= 1e6 || (v != 0 && Math.abs(v) < 1e-2)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
