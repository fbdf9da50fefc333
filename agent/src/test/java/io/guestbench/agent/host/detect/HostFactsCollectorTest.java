package io.guestbench.agent.host.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.FactSource;
import io.guestbench.agent.host.HostFixtures;
import io.guestbench.proto.v1.HostFacts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostFactsCollectorTest {
  @Test
  void protoCarriesTypeFactsAndEvidenceInOrder() {
    HostFacts facts = new HostFactsCollector(HostFixtures.files("nitro"), Set.of()).collect();

    assertThat(facts.getVirtType()).isEqualTo("nitro");
    assertThat(facts.getFactsMap()).containsEntry("product_name", "m5.large");
    assertThat(facts.getFactsCount()).isLessThanOrEqualTo(64);
    assertThat(facts.getEvidence(0).getRule()).isEqualTo("guest_type_pv");
    assertThat(facts.getEvidence(7).getRule()).isEqualTo("ec2_nitro");
    assertThat(facts.getEvidence(7).getDecided()).isTrue();
    assertThat(facts.getEvidence(7).getSource())
        .isEqualTo("/sys/class/dmi/id/sys_vendor, /proc/cpuinfo");
  }

  @Test
  void furtherSourcesAddFactsButNeverOverruleDetection() {
    FactSource imds = () -> Map.of("instance_type", "m5.large", "clocksource", "made-up");
    FactSource broken =
        () -> {
          throw new IllegalStateException("no route to 169.254.169.254");
        };
    Set<FactSource> sources = new LinkedHashSet<>(List.of(imds, broken));

    HostFacts facts = new HostFactsCollector(HostFixtures.files("nitro"), sources).collect();

    assertThat(facts.getFactsMap())
        .containsEntry("instance_type", "m5.large")
        .containsEntry("clocksource", "kvm-clock");
    assertThat(facts.getEvidenceList())
        .anySatisfy(e -> assertThat(e.getObserved()).contains("duplicate").contains("clocksource"))
        .anySatisfy(
            e -> {
              assertThat(e.getRule()).isEqualTo("fact_source");
              assertThat(e.getObserved()).contains("no route to 169.254.169.254");
            });
  }
}
