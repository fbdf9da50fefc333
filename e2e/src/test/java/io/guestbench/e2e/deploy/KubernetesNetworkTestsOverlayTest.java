package io.guestbench.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guestbench.collector.config.CollectorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes/network-tests, the one-replica collector that pairs agents for network tests:
 * its patches aim at resources and fields the base has, and its config is the base's plus the
 * standard plan's schedule (no drift from either).
 */
class KubernetesNetworkTestsOverlayTest {
  private static final Path KUBERNETES = DeployFiles.path("kubernetes");
  private static final Path OVERLAY = KUBERNETES.resolve("network-tests");

  @Test
  void topLevelInstallIsTheCollector() throws Exception {
    JsonNode top = DeployFiles.yaml(KUBERNETES.resolve("kustomization.yaml"));
    assertThat(top.path("resources")).extracting(JsonNode::asText).containsExactly("collector");
  }

  @Test
  void patchesAimAtTheBase() throws Exception {
    JsonNode overlay = DeployFiles.yaml(OVERLAY.resolve("kustomization.yaml"));
    assertThat(overlay.path("resources"))
        .extracting(JsonNode::asText)
        .containsExactly("../collector");
    Kustomization base = Kustomization.read(KUBERNETES.resolve("collector"));
    String namespace = overlay.path("namespace").asText();
    assertThat(namespace).isNotEqualTo(base.root.path("namespace").asText()).isNotBlank();
    for (JsonNode patch : overlay.path("patches")) {
      JsonNode target = patch.path("target");
      List<JsonNode> matches =
          base.all(target.path("kind").asText()).stream()
              .filter(r -> r.at("/metadata/name").asText().equals(target.path("name").asText()))
              .toList();
      assertThat(matches).as("patch target " + target).hasSize(1);
      for (JsonNode op : DeployFiles.yaml(patch.path("patch").asText())) {
        assertThat(op.path("op").asText()).isEqualTo("replace");
        assertThat(matches.getFirst().at(op.path("path").asText()).isMissingNode())
            .as(target + " has " + op.path("path").asText())
            .isFalse();
        switch (target.path("kind").asText()) {
          case "Namespace" -> assertThat(op.path("value").asText()).isEqualTo(namespace);
          case "HorizontalPodAutoscaler" -> assertThat(op.path("value").asInt()).isEqualTo(1);
          default -> throw new AssertionError("unexpected patch of " + target);
        }
      }
    }
    JsonNode generator = overlay.path("configMapGenerator").get(0);
    assertThat(generator.path("behavior").asText()).isEqualTo("replace");
    assertThat(base.configMaps).containsKey(generator.path("name").asText());
  }

  @Test
  void configIsTheBasePlusThePlansSchedule(@TempDir Path dir) throws Exception {
    String text = Files.readString(OVERLAY.resolve("collector.yaml"));
    CollectorConfig config = KubernetesCollectorConfigTest.loadWithTestTls(text, dir);
    assertThat(config.schedule().enabled()).isTrue();

    ObjectNode overlay = (ObjectNode) DeployFiles.yaml(text);
    JsonNode schedule = overlay.remove("schedule");
    JsonNode plan = DeployFiles.yaml(DeployFiles.path("plans/pv-vs-hvm.collector.yaml"));
    assertThat(schedule).isEqualTo(plan.path("schedule"));
    JsonNode base = DeployFiles.yaml(KUBERNETES.resolve("collector/collector.yaml"));
    assertThat(overlay).isEqualTo(base);
  }
}
