package io.guestbench.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.Samples;
import io.guestbench.agent.probe.disk.DiskJob;
import io.guestbench.agent.probe.disk.DiskParams;
import io.guestbench.agent.probe.disk.IntervalFigures;
import io.guestbench.agent.probe.disk.JobReport;
import io.guestbench.agent.probe.disk.Stats;
import io.guestbench.agent.probe.disk.TargetKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The disk command's two formats against reviewed golden files, and fio's JSON shape. */
class DiskReportTest {
  private static final long START = 1_750_000_000_000_000_000L;

  @Test
  void fioShapedJsonMatchesTheGoldenFile() throws IOException {
    assertMatches("disk-report.json", DiskFio.render(report(), "0.1.0") + "\n");
  }

  @Test
  void tableMatchesTheGoldenFile() throws IOException {
    assertMatches("disk-report.txt", DiskTable.render(report()));
  }

  @Test
  void fioToolingFindsItsFields() throws IOException {
    JsonNode job =
        new ObjectMapper().readTree(DiskFio.render(report(), "0.1.0")).path("jobs").get(0);

    assertThat(job.at("/read/iops").asDouble()).isEqualTo(1000.0);
    assertThat(job.at("/read/bw_bytes").asLong()).isEqualTo(4_096_000L);
    assertThat(job.at("/read/bw").asLong()).isEqualTo(4000);
    // A percentile is the top of its histogram bucket: within 0.1% of the recorded value.
    assertThat(job.at("/read/clat_ns/percentile/50.000000").asLong()).isBetween(100_900L, 101_100L);
    assertThat(job.at("/read/clat_ns/percentile/99.900000").asLong()).isEqualTo(900_000L);
    assertThat(job.at("/write/iops").asDouble()).isEqualTo(500.0);
    assertThat(job.at("/write/clat_ns/N").asLong()).isEqualTo(1000);
    assertThat(job.at("/sync/lat_ns/N").asLong()).isEqualTo(250);
    assertThat(job.at("/sync/lat_ns/percentile/99.000000").asLong()).isPositive();
    assertThat(job.at("/iodepth_level/1").asDouble()).isEqualTo(100.0);
    assertThat(job.at("/read/iops_samples").asInt()).isEqualTo(2);
    assertThat(job.at("/job options/rw").asText()).isEqualTo("randrw");
    assertThat(job.at("/guestbench/intervals")).hasSize(3);
  }

  /** A randrw job with flushes: 2,000 reads and 1,000 writes in 2 s, fixed latencies. */
  static JobReport report() {
    ParamReader r =
        new ParamReader(
            Map.of(
                "rw",
                "randrw",
                "rwmixread",
                "67",
                "fdatasync",
                "4",
                "size",
                "64m",
                "runtime",
                "2s",
                "ramp",
                "1s"));
    DiskJob job = DiskParams.read(r);
    assertThat(r.problems()).isEmpty();
    Samples reads = new Samples();
    for (int i = 0; i < 2000; i++) {
      reads.record(i < 1990 ? 100_000 + i : 900_000);
    }
    Samples writes = new Samples();
    for (int i = 0; i < 1000; i++) {
      writes.record(50_000 + i * 10);
    }
    Samples syncs = new Samples();
    for (int i = 0; i < 250; i++) {
      syncs.record(200_000 + i * 100);
    }
    var side = new IntervalFigures.Side(1000, 100_000, 101_000, 900_000);
    var wside = new IntervalFigures.Side(500, 55_000, 59_000, 60_000);
    List<IntervalFigures> intervals =
        List.of(
            new IntervalFigures(0, 0, 1_000_000_000L, side, wside),
            new IntervalFigures(1, 1_000_000_000L, 999_000_000L, side, wside),
            new IntervalFigures(
                2,
                1_999_000_000L,
                1_000_000L,
                IntervalFigures.Side.NONE,
                IntervalFigures.Side.NONE));
    return new JobReport(
        job,
        TargetKind.SCRATCH,
        "created /var/tmp/guestbench-disk-x.dat and laid out 64.0 MiB in 0.10 s (640 MiB/s)",
        START,
        2_000_000_000L,
        new JobReport.Direction(
            2000,
            2000 * 4096L,
            reads.toDistribution("read_latency_nanos"),
            new Stats(2000, reads.sum(), 100_000, 900_000, 1000),
            Stats.EMPTY),
        new JobReport.Direction(
            1000,
            1000 * 4096L,
            writes.toDistribution("write_latency_nanos"),
            new Stats(1000, writes.sum(), 50_000, 59_990, 2886.75),
            Stats.EMPTY),
        syncs.toDistribution("sync_latency_nanos"),
        intervals,
        0.002,
        JobReport.Errors.NONE,
        new JobReport.Depth(1, new long[] {3000, 0, 0, 0, 0, 0, 0}),
        "");
  }

  private static void assertMatches(String name, String actual) throws IOException {
    String expected;
    try (InputStream in = DiskReportTest.class.getResourceAsStream("/golden/" + name)) {
      expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!actual.equals(expected)) {
      Path out = Path.of("target", "golden", name);
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual);
      fail(
          "%s differs from src/test/resources/golden/%s; review %s and copy it over if right",
          name, name, out.toAbsolutePath());
    }
  }
}
