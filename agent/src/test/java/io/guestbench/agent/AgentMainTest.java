package io.guestbench.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.host.detect.HostFactsCollector;
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
    assertThat(injector.getInstance(AgentRuntimeFactory.class)).isNotNull();
  }

  @Test
  void factsIsACommand() {
    assertThat(AgentMain.commandLine().getSubcommands()).containsKey("facts");
  }
}
