package io.guestbench.collector.metrics;

import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the per-agent families in the Prometheus text format (0.0.4) or OpenMetrics (1.0.0), line
 * for line what the Prometheus client's writers make of {@link ResultMetrics#collect}, without
 * building a snapshot per series: each series' labels were rendered when it was created, and a
 * family's names and a histogram's {@code le} values are rendered once per scrape.
 * ExpositionTextTest compares the two.
 */
final class ExpositionText {
  private final Out out;
  private final boolean openMetrics;

  private ExpositionText(OutputStream out, boolean openMetrics) {
    this.out = new Out(out);
    this.openMetrics = openMetrics;
  }

  /** Writes every series of {@code agents}, family by family in {@code families}' order. */
  static void write(
      List<Family> families, Collection<AgentSeries> agents, OutputStream out, boolean openMetrics)
      throws IOException {
    Map<String, List<Cell>> byFamily = new HashMap<>();
    for (AgentSeries series : agents) {
      series.forEachCell(
          (family, cell) -> byFamily.computeIfAbsent(family, f -> new ArrayList<>()).add(cell));
    }
    ExpositionText text = new ExpositionText(out, openMetrics);
    for (Family family : families) {
      List<Cell> cells = byFamily.get(family.name());
      if (cells != null) {
        text.family(family, cells);
      }
    }
    text.out.flush();
  }

  private void family(Family family, List<Cell> cells) throws IOException {
    MetricMetadata metadata = family.metadata();
    String base = metadata.getName();
    switch (family.type()) {
      case COUNTER -> {
        metadata(metadata, base + "_total", "counter");
        byte[] name = ascii(base + "_total");
        for (Cell cell : cells) {
          sample(name, cell.labelText(), null);
          out.doubleValue(((Cell.Counter) cell).count());
        }
      }
      case GAUGE -> {
        metadata(metadata, base, "gauge");
        byte[] name = ascii(base);
        for (Cell cell : cells) {
          sample(name, cell.labelText(), null);
          out.doubleValue(((Cell.Gauge) cell).value());
        }
      }
      case INFO -> {
        metadata(metadata, base + "_info", openMetrics ? "info" : "gauge");
        byte[] name = ascii(base + "_info");
        for (Cell cell : cells) {
          sample(name, cell.labelText(), null);
          out.ascii("1\n");
        }
      }
      case HISTOGRAM -> histogram(metadata, base, cells);
      default -> throw new IllegalStateException("no " + family.type() + " families");
    }
  }

  private void histogram(MetricMetadata metadata, String base, List<Cell> cells)
      throws IOException {
    metadata(metadata, base, "histogram");
    byte[] bucket = ascii(base + "_bucket");
    byte[] count = ascii(base + "_count");
    byte[] sum = ascii(base + "_sum");
    Map<HistogramSpec, byte[][]> les = new HashMap<>();
    long[] counts = new long[0];
    for (Cell cell : cells) {
      HistogramCell h = (HistogramCell) cell;
      HistogramSpec spec = h.spec();
      byte[][] le = les.computeIfAbsent(spec, ExpositionText::leLabels);
      if (counts.length != spec.classicBucketCount()) {
        counts = new long[spec.classicBucketCount()];
      }
      long recordedSum = h.classicInto(counts);
      long cumulative = 0;
      for (int i = 0; i < counts.length; i++) {
        cumulative += counts[i];
        sample(bucket, h.labelText(), le[i]);
        out.longValue(cumulative);
      }
      sample(count, h.labelText(), null);
      out.longValue(cumulative);
      sample(sum, h.labelText(), null);
      out.doubleValue(spec.toBaseUnit(recordedSum));
    }
  }

  /** For each classic bucket: {@code le="<bound>"} as the client writes it. */
  private static byte[][] leLabels(HistogramSpec spec) {
    byte[][] le = new byte[spec.classicBucketCount()][];
    for (int i = 0; i < le.length; i++) {
      le[i] = ascii("le=\"" + number(spec.classicUpperBound(i)) + "\"");
    }
    return le;
  }

  /** A sample's name and labels, up to the space before its value. */
  private void sample(byte[] name, byte[] labels, byte[] extraLabel) throws IOException {
    out.bytes(name);
    if (labels.length == 0 && extraLabel == null) {
      out.ascii(" ");
      return;
    }
    if (labels.length == 0) {
      out.ascii("{");
    } else {
      out.bytes(labels);
    }
    if (extraLabel != null) {
      if (labels.length != 0) {
        out.ascii(",");
      }
      out.bytes(extraLabel);
    }
    out.ascii("} ");
  }

  private void metadata(MetricMetadata metadata, String textName, String type) throws IOException {
    String help = metadata.getHelp();
    if (openMetrics) {
      String name = metadata.getName();
      out.utf8("# TYPE " + name + " " + type + "\n");
      if (metadata.getUnit() != null) {
        out.utf8("# UNIT " + name + " " + metadata.getUnit() + "\n");
      }
      if (help != null && !help.isEmpty()) {
        StringBuilder s = new StringBuilder("# HELP ").append(name).append(' ');
        LabelText.escape(s, help);
        out.utf8(s.append('\n').toString());
      }
    } else {
      if (help != null && !help.isEmpty()) {
        StringBuilder s = new StringBuilder("# HELP ").append(textName).append(' ');
        for (int i = 0; i < help.length(); i++) {
          char c = help.charAt(i);
          switch (c) {
            case '\\' -> s.append("\\\\");
            case '\n' -> s.append("\\n");
            default -> s.append(c);
          }
        }
        out.utf8(s.append('\n').toString());
      }
      out.utf8("# TYPE " + textName + " " + type + "\n");
    }
  }

  /** A double as the client writes it: {@code +Inf}, {@code -Inf}, else {@link Double#toString}. */
  private static String number(double d) {
    return d == Double.POSITIVE_INFINITY
        ? "+Inf"
        : d == Double.NEGATIVE_INFINITY ? "-Inf" : Double.toString(d);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A buffered byte sink; numbers are ASCII, so they go in without an encoder. */
  private static final class Out {
    private final OutputStream target;
    private final byte[] buffer = new byte[64 * 1024];
    private int used;

    Out(OutputStream target) {
      this.target = target;
    }

    void bytes(byte[] b) throws IOException {
      if (b.length > buffer.length - used) {
        flushBuffer();
        if (b.length > buffer.length) {
          target.write(b);
          return;
        }
      }
      System.arraycopy(b, 0, buffer, used, b.length);
      used += b.length;
    }

    void ascii(String s) throws IOException {
      int n = s.length();
      if (n > buffer.length - used) {
        flushBuffer();
        if (n > buffer.length) {
          target.write(s.getBytes(StandardCharsets.US_ASCII));
          return;
        }
      }
      for (int i = 0; i < n; i++) {
        buffer[used++] = (byte) s.charAt(i); // ASCII only: every char is one byte
      }
    }

    void utf8(String s) throws IOException {
      bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    void doubleValue(double d) throws IOException {
      ascii(number(d));
      ascii("\n");
    }

    void longValue(long v) throws IOException {
      ascii(Long.toString(v));
      ascii("\n");
    }

    void flush() throws IOException {
      flushBuffer();
      target.flush();
    }

    private void flushBuffer() throws IOException {
      target.write(buffer, 0, used);
      used = 0;
    }
  }
}
