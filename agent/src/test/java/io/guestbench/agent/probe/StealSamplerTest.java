package io.guestbench.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.probe.StealSampler.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StealSamplerTest {
  @TempDir Path root;

  @Test
  void parsesTheAggregateLineUpToSteal() {
    Snapshot s = StealSampler.parse("cpu  10 1 5 80 2 0 1 3 7 0\ncpu0 10 1 5 80 2 0 1 3 7 0\n");

    assertThat(s).isEqualTo(new Snapshot(102, 3)); // guest (7) is already inside user
  }

  @Test
  void samplesTheFixtureHost() {
    Snapshot s = new StealSampler(HostFixtures.files("xen-hvm")).sample();

    assertThat(s).isEqualTo(new Snapshot(43_351_723, 48_312));
  }

  @Test
  void oldKernelWithoutStealIsUnknown() {
    assertThat(new StealSampler(HostFixtures.files("xen-pv-2.6.9")).sample())
        .isEqualTo(Snapshot.UNKNOWN);
    assertThat(StealSampler.parse("cpu 1 2 3 4\n")).isEqualTo(Snapshot.UNKNOWN);
  }

  @Test
  void garbageIsUnknown() {
    for (String text :
        new String[] {
          "",
          "hello",
          "cpu0 1 2 3 4 5 6 7 8\n",
          "cpu 1 2 3 x 5 6 7 8\n",
          "cpu 1 2 3 -4 5 6 7 8\n",
          "cpu 9223372036854775807 1 0 0 0 0 0 0\n",
          "cpu 99999999999999999999 0 0 0 0 0 0 0\n"
        }) {
      assertThat(StealSampler.parse(text)).as(text).isEqualTo(Snapshot.UNKNOWN);
    }
  }

  @Test
  void missingFileGivesUnknownRatio() {
    StealSampler sampler = new StealSampler(new HostFiles(root));

    assertThat(sampler.sample()).isEqualTo(Snapshot.UNKNOWN);
    assertThat(sampler.stealRatio(sampler.sample(), sampler.sample())).isEqualTo(-1);
  }

  @Test
  void ratioIsStealOverTotalBetweenSamples() throws IOException {
    Files.createDirectories(root.resolve("proc"));
    StealSampler sampler = new StealSampler(new HostFiles(root));
    Files.writeString(root.resolve("proc/stat"), "cpu 100 0 50 800 0 0 0 50 0 0\n");
    Snapshot before = sampler.sample();
    Files.writeString(root.resolve("proc/stat"), "cpu 160 0 70 900 0 0 0 70 0 0\n");

    assertThat(sampler.stealRatio(before, sampler.sample())).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void zeroOrBackwardDeltaIsUnknown() {
    StealSampler sampler = new StealSampler(new HostFiles(root));
    Snapshot s = new Snapshot(1000, 10);

    assertThat(sampler.stealRatio(s, s)).isEqualTo(-1);
    assertThat(sampler.stealRatio(s, new Snapshot(900, 5))).isEqualTo(-1);
    assertThat(sampler.stealRatio(s, new Snapshot(1100, 5))).isEqualTo(-1);
    assertThat(sampler.stealRatio(Snapshot.UNKNOWN, s)).isEqualTo(-1);
  }
}
