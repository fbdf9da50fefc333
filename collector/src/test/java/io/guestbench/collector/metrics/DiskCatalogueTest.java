package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.TestResults.diskRead;
import static io.guestbench.collector.metrics.TestResults.diskSyncedWrite;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.metrics.Problem.Reason;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The disk.job entry: what the agent sends passes, anything unbounded is refused. */
class DiskCatalogueTest {
  private static final AgentLabels HVM = new AgentLabels("hvm-1", "xen-hvm", "m3.medium", "disk");

  private final ResultChecker checker = new ResultChecker(Catalogue.standard());

  @Test
  void theAgentsResultsPass() {
    assertThat(checker.check(diskRead(32, 9.5e4, 300_000, 310_000).build())).isEmpty();
    assertThat(checker.check(diskSyncedWrite(8_000, 40_000, 75_000).build())).isEmpty();
    ProbeResult.Builder mixed = diskRead(1, 2e4, 40_000).putParams("rw", "randrw");
    assertThat(checker.check(mixed.putParams("rwmixread", "70").build())).isEmpty();
    ProbeResult skipped =
        ProbeResult.newBuilder()
            .setKind(ProbeKind.PROBE_KIND_DISK)
            .setName("job")
            .setStatus(RunStatus.RUN_STATUS_SKIPPED)
            .setStatusMessage("the disk probe needs Linux on x86_64 or aarch64")
            .setStealRatio(-1)
            .build();
    assertThat(checker.check(skipped)).isEmpty();
  }

  @Test
  void labelValuesOutsideTheAgentsBoundsAreRefused() {
    assertThat(reasons(diskRead(1, 1).putParams("bs_bytes", "4k")))
        .containsExactly(Reason.BAD_PARAM_VALUE);
    for (String depth : List.of("0", "1025", "01", "99999")) {
      assertThat(reasons(diskRead(1, 1).putParams("iodepth", depth)))
          .as(depth)
          .containsExactly(Reason.BAD_PARAM_VALUE);
    }
    for (String depth : List.of("1", "32", "999", "1024")) {
      assertThat(reasons(diskRead(1, 1).putParams("iodepth", depth))).as(depth).isEmpty();
    }
    assertThat(reasons(diskRead(1, 1).putParams("engine", "io_uring")))
        .containsExactly(Reason.BAD_PARAM_VALUE);
    assertThat(reasons(diskRead(1, 1).putParams("numjobs", "65")))
        .containsExactly(Reason.BAD_PARAM_VALUE);
    assertThat(reasons(diskRead(1, 1).removeParams("direct")))
        .containsExactly(Reason.BAD_PARAM_VALUE);
    assertThat(reasons(diskRead(1, 1).putParams("directory", "/var/tmp")))
        .containsExactly(Reason.UNKNOWN_PARAM);
    assertThat(
            reasons(
                diskRead(1, 1)
                    .addScalars(Scalar.newBuilder().setName("trim_ops_per_second").setValue(1))))
        .containsExactly(Reason.UNKNOWN_VALUE);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theFamiliesExposeReadWriteAndSyncSeparately() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    ResultMetrics metrics = new ResultMetrics(registry, new ManualClock(TestResults.START));
    metrics.record(HVM, diskRead(32, 95_000, 300_000, 320_000, 2_000_000).build());
    metrics.record(HVM, diskRead(1, 23_000, 42_000).build());
    metrics.record(HVM, diskSyncedWrite(8_000, 40_000, 75_000).setStealRatio(0.01).build());
    String text = render(registry);

    Golden.assertMatches("disk-results.prom", text);
    assertThat(text)
        .contains(
            "guestbench_disk_read_ops_per_second{agent_id=\"hvm-1\",bs_bytes=\"4096\","
                + "direct=\"1\",engine=\"aio\",experiment=\"disk\",instance_type=\"m3.medium\","
                + "iodepth=\"32\",numjobs=\"1\",rw=\"randread\",sync=\"none\",sync_every=\"0\","
                + "virt_type=\"xen-hvm\"} 95000.0")
        .contains("guestbench_disk_sync_latency_seconds_count{")
        .doesNotContain("size_bytes");
    assertThat(promtool(text)).isEmpty();
  }

  private List<Reason> reasons(ProbeResult.Builder b) {
    return checker.check(b.build()).stream().map(Problem::reason).toList();
  }

  private static String render(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String promtool(String text) throws Exception {
    Path promtool = Path.of("/usr/bin/promtool");
    assertThat(Files.isExecutable(promtool)).as("install the Debian package 'prometheus'").isTrue();
    Process p =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream stdin = p.getOutputStream()) {
      stdin.write(text.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    return output;
  }
}
