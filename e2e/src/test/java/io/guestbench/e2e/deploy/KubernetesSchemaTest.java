package io.guestbench.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes resources of deploy/kubernetes and deploy/grafana validate against the Kubernetes
 * and Prometheus Operator schemas, offline: deploy/kubernetes/validate/validate.mjs with the npm
 * packages kubernetes-models and @kubernetes-models/prometheus-operator (pinned in its
 * package-lock.json, installed by {@code npm ci} here when missing). Unknown fields fail too.
 */
class KubernetesSchemaTest {
  private static final Path VALIDATE = DeployFiles.path("kubernetes/validate");

  @Test
  void resourcesMatchTheirSchemas() throws Exception {
    if (!Files.isDirectory(VALIDATE.resolve("node_modules/kubernetes-models"))) {
      installValidator();
    }
    Process p =
        new ProcessBuilder(
                "node",
                "validate.mjs",
                DeployFiles.path("kubernetes/collector").toString(),
                DeployFiles.path("grafana").toString())
            .directory(VALIDATE.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("validator finished").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    // Every resource file of the kustomizations was seen, and each resource kind is there.
    assertThat(out)
        .contains("valid apps/v1 StatefulSet/guestbench-collector")
        .contains("valid v1 Service/guestbench-collector")
        .contains("valid policy/v1 PodDisruptionBudget/guestbench-collector")
        .contains("valid autoscaling/v2 HorizontalPodAutoscaler/guestbench-collector")
        .contains("valid networking.k8s.io/v1 NetworkPolicy/guestbench-collector")
        .contains("valid monitoring.coreos.com/v1 ServiceMonitor/guestbench-collector")
        .contains("valid v1 ConfigMap/guestbench-collector-config")
        .contains("valid v1 ConfigMap/guestbench-grafana-dashboards")
        .doesNotContain("INVALID");
    long resources =
        Kustomization.read(DeployFiles.path("kubernetes/collector")).resources.size()
            + Kustomization.read(DeployFiles.path("kubernetes/collector")).configMaps.size()
            + Kustomization.read(DeployFiles.path("grafana")).configMaps.size();
    assertThat(out.lines().filter(l -> l.startsWith("valid ")).count()).isEqualTo(resources);
    assertThat(Files.readString(VALIDATE.resolve("package-lock.json")))
        .contains("\"lockfileVersion\"");
  }

  /** The pinned packages of package-lock.json, as .ci/run installs them (from the npm registry). */
  private static void installValidator() throws Exception {
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(VALIDATE.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(npm.waitFor(180, TimeUnit.SECONDS)).as("npm ci finished").isTrue();
    assertThat(npm.exitValue())
        .as("npm ci in %s installs the validator:%n%s", VALIDATE, out)
        .isZero();
  }
}
