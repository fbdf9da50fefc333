package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.AgentMain;
import io.guestbench.agent.config.AgentConfig;
import io.guestbench.agent.config.AgentConfigLoader;
import io.guestbench.agent.plan.Settling;
import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.collector.config.CollectorConfigLoader;
import io.guestbench.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped standard plan (deploy/plans/pv-vs-hvm.*.yaml) loads with the real config loaders and
 * the real probe catalogue: every probe and parameter it names exists, and its schedule leaves room
 * for the plan's longest probe before each network test.
 */
class StandardPlanTest {
  private static final Path PLANS = Path.of("..", "deploy", "plans");

  @TempDir Path dir;

  @Test
  void theAgentPlanLoadsAndSettles() throws Exception {
    AgentConfig config =
        AgentMain.assemble(Path.of("/"))
            .getInstance(AgentConfigLoader.class)
            .load(PLANS.resolve("pv-vs-hvm.agent.yaml"));

    assertThat(config.labels()).containsEntry("experiment", "pv-vs-hvm");
    assertThat(config.plan().rounds()).isEqualTo(30);
    assertThat(config.plan().settle()).hasValue(new Settling(5, 3.5, 5));
    assertThat(config.plan().probes())
        .extracting(p -> p.probe())
        .contains("os.syscall", "os.page_fault", "cpu.compute", "disk.job");
    assertThat(config.peer()).isPresent();
  }

  @Test
  void theCollectorSchedulesNetworkTestsWellAheadOfTheirSlots() throws Exception {
    TestPki.Issued server = TestPki.create(dir, "plan").server();
    String yaml =
        Files.readString(PLANS.resolve("pv-vs-hvm.collector.yaml"))
            .replace("/etc/guestbench/tls/collector.crt", server.certFile().toString())
            .replace("/etc/guestbench/tls/collector.key", server.keyFile().toString());
    Path file = Files.writeString(dir.resolve("collector.yaml"), yaml);

    CollectorConfig config = new CollectorConfigLoader("plan-test").load(file);

    assertThat(config.schedule().enabled()).isTrue();
    assertThat(config.schedule().tests()).hasSize(5);
    // file layout of 1 GiB at a slow 20 MB/s, 2 s ramp, 20 s runtime: under the lead
    assertThat(config.schedule().lead()).isGreaterThan(Duration.ofSeconds(50 + 2 + 20));
  }
}
