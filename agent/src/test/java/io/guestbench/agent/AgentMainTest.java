package io.guestbench.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.host.detect.HostFactsCollector;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.runtime.AgentRuntimeFactory;
import io.guestbench.proto.v1.HostFacts;
import org.junit.jupiter.api.Test;

class AgentMainTest {
  @Test
  void injectorDetectsTheGuestBelowTheHostRoot() {
    var injector = AgentMain.assemble(HostFixtures.root("nitro"));

    HostFacts facts = injector.getInstance(HostFactsCollector.class).collect();

    assertThat(facts.getVirtType()).isEqualTo("nitro");
    assertThat(facts.getFactsMap()).containsEntry("product_name", "m5.large");
    // The timer check reads this machine's clocks, whatever the host root says.
    assertThat(facts.getFactsMap()).containsKeys("timer_nanotime_ns", "timer_syscall_fallback");
    assertThat(injector.getInstance(AgentRuntimeFactory.class)).isNotNull();
  }

  @Test
  void theCatalogHasTheOsProbes() {
    var catalog = AgentMain.assemble(HostFixtures.root("nitro")).getInstance(ProbeCatalog.class);

    assertThat(catalog.ids())
        .contains(
            "cpu.compute",
            "cpu.mem_bandwidth",
            "cpu.mem_latency",
            "os.clock_read",
            "os.syscall",
            "os.page_fault",
            "os.spawn",
            "os.context_switch");
  }

  @Test
  void factsIsACommand() {
    assertThat(AgentMain.commandLine().getSubcommands()).containsKey("facts");
  }
}
