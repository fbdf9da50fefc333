package io.guestbench.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes holds together: every selector finds the collector's pods, every named port and
 * volume exists, the autoscaler and the disruption budget aim at the workload, Prometheus scrapes
 * each replica once, and the pod runs locked down. The schemas are {@link KubernetesSchemaTest}'s;
 * the config and the probes against a real collector are {@link KubernetesCollectorConfigTest}'s.
 */
class KubernetesManifestsTest {
  private static Kustomization k;
  private static JsonNode workload;
  private static JsonNode pod;
  private static JsonNode container;

  @BeforeAll
  static void read() throws IOException {
    k = Kustomization.read(DeployFiles.path("kubernetes/collector"));
    workload = k.only("StatefulSet");
    pod = workload.at("/spec/template/spec");
    assertThat(pod.path("containers")).hasSize(1);
    container = pod.path("containers").get(0);
  }

  static JsonNode podLabels() {
    return workload.at("/spec/template/metadata/labels");
  }

  static Set<String> containerPorts() {
    Set<String> names = new HashSet<>();
    container.path("ports").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }

  @Test
  void workloadSelectsItsOwnPods() {
    assertThat(Kustomization.selects(workload.at("/spec/selector/matchLabels"), podLabels()))
        .isTrue();
    assertThat(containerPorts()).containsExactlyInAnyOrder("grpc", "http");
    // The headless Service governs the StatefulSet's pod DNS names.
    List<String> services =
        k.all("Service").stream().map(s -> s.at("/metadata/name").asText()).toList();
    assertThat(services).contains(workload.at("/spec/serviceName").asText());
    JsonNode governing = service(workload.at("/spec/serviceName").asText());
    assertThat(governing.at("/spec/clusterIP").asText()).isEqualTo("None");
  }

  @Test
  void servicesReachTheContainerPorts() {
    for (JsonNode s : k.all("Service")) {
      String name = s.at("/metadata/name").asText();
      assertThat(Kustomization.selects(s.at("/spec/selector"), podLabels())).as(name).isTrue();
      Set<String> ports = new HashSet<>();
      for (JsonNode p : s.at("/spec/ports")) {
        ports.add(p.path("name").asText());
        assertThat(containerPorts())
            .as(name + " targetPort")
            .contains(p.path("targetPort").asText());
        assertThat(p.path("port").asInt())
            .as(name + " port " + p.path("name").asText() + " = container port")
            .isEqualTo(containerPort(p.path("targetPort").asText()));
      }
      assertThat(ports).as(name).containsExactlyInAnyOrder("grpc", "http");
    }
  }

  @Test
  void prometheusScrapesEachReplicaOnceOnItsHttpPort() {
    JsonNode monitor = k.only("ServiceMonitor");
    List<JsonNode> scraped =
        k.all("Service").stream()
            .filter(
                s ->
                    Kustomization.selects(
                        monitor.at("/spec/selector/matchLabels"), s.at("/metadata/labels")))
            .toList();
    assertThat(scraped).as("Services the ServiceMonitor selects").hasSize(1);
    Set<String> servicePorts = new HashSet<>();
    scraped.getFirst().at("/spec/ports").forEach(p -> servicePorts.add(p.path("name").asText()));
    for (JsonNode e : monitor.at("/spec/endpoints")) {
      assertThat(servicePorts).contains(e.path("port").asText());
      assertThat(e.path("port").asText()).isEqualTo("http");
      assertThat(e.path("path").asText("/metrics")).isEqualTo("/metrics");
    }
    // The Prometheus job for plain Kubernetes service discovery keeps the same pods and port.
    String sd = readString("prometheus/kubernetes-scrape-job.yml");
    assertThat(sd)
        .contains("regex: " + podLabels().path("app.kubernetes.io/name").asText())
        .contains("__meta_kubernetes_pod_label_app_kubernetes_io_name")
        .contains("regex: http")
        .doesNotContain("target_label");
  }

  @Test
  void disruptionBudgetAndAutoscalerAimAtTheWorkload() {
    JsonNode pdb = k.only("PodDisruptionBudget");
    assertThat(Kustomization.selects(pdb.at("/spec/selector/matchLabels"), podLabels())).isTrue();
    JsonNode hpa = k.only("HorizontalPodAutoscaler");
    JsonNode target = hpa.at("/spec/scaleTargetRef");
    assertThat(target.path("apiVersion").asText()).isEqualTo(workload.path("apiVersion").asText());
    assertThat(target.path("kind").asText()).isEqualTo(workload.path("kind").asText());
    assertThat(target.path("name").asText()).isEqualTo(workload.at("/metadata/name").asText());
    int min = hpa.at("/spec/minReplicas").asInt();
    assertThat(min).as("several replicas").isGreaterThanOrEqualTo(3);
    assertThat(hpa.at("/spec/maxReplicas").asInt()).isGreaterThan(min);
    // The HPA owns the count; a replicas field would be reset by every apply.
    assertThat(workload.at("/spec/replicas").isMissingNode()).isTrue();
    // A drain may take one replica while the others stay.
    assertThat(pdb.at("/spec/maxUnavailable").asInt()).isBetween(1, min - 1);
    // CPU utilization needs a CPU request to be measured against.
    assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
  }

  @Test
  void networkPolicyOpensOnlyTheNamedPorts() {
    JsonNode policy = k.only("NetworkPolicy");
    assertThat(Kustomization.selects(policy.at("/spec/podSelector/matchLabels"), podLabels()))
        .isTrue();
    List<String> opened = new ArrayList<>();
    for (JsonNode rule : policy.at("/spec/ingress")) {
      assertThat(rule.path("from")).as("every rule names its sources").isNotEmpty();
      rule.path("ports").forEach(p -> opened.add(p.path("port").asText()));
    }
    assertThat(opened).containsExactlyInAnyOrder("grpc", "http");
  }

  @Test
  void podRunsLockedDown() {
    JsonNode podSecurity = pod.path("securityContext");
    JsonNode security = container.path("securityContext");
    assertThat(podSecurity.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(podSecurity.path("runAsUser").asInt()).isPositive();
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(security.at("/capabilities/drop"))
        .extracting(JsonNode::asText)
        .containsExactly("ALL");
    assertThat(security.at("/capabilities/add").isMissingNode()).isTrue();
    assertThat(podSecurity.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
  }

  @Test
  void everyMountHasItsVolumeAndTheWritablePathsAreVolumes() {
    Map<String, JsonNode> volumes = new HashMap<>();
    pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
    Set<String> claims = new HashSet<>();
    workload
        .at("/spec/volumeClaimTemplates")
        .forEach(c -> claims.add(c.at("/metadata/name").asText()));
    Map<String, String> mounts = new HashMap<>();
    for (JsonNode m : container.path("volumeMounts")) {
      String name = m.path("name").asText();
      assertThat(volumes.containsKey(name) || claims.contains(name)).as("volume " + name).isTrue();
      mounts.put(m.path("mountPath").asText(), name);
      JsonNode cm = volumes.getOrDefault(name, m).at("/configMap/name");
      if (!cm.isMissingNode()) {
        assertThat(k.configMaps).as("generated ConfigMap " + cm.asText()).containsKey(cm.asText());
        if (m.has("subPath")) {
          assertThat(k.configMaps.get(cm.asText())).containsKey(m.path("subPath").asText());
        }
      }
    }
    // The JVM and Netty write to /tmp; the root filesystem is read-only.
    assertThat(mounts).containsKey("/tmp");
    assertThat(volumes.get(mounts.get("/tmp")).has("emptyDir")).isTrue();
    // The config the container is started with is the mounted ConfigMap's file.
    List<String> args = new ArrayList<>();
    container.path("args").forEach(a -> args.add(a.asText()));
    assertThat(args).startsWith("serve", "--config");
    assertThat(mounts).containsKey(args.get(2));
    // Secrets are mounted without read access for others (the collector refuses such a key).
    for (JsonNode v : volumes.values()) {
      if (v.has("secret")) {
        assertThat(v.at("/secret/defaultMode").asInt(0644) & 0007).as(v.toString()).isZero();
      }
    }
  }

  @Test
  void imageIsTheOneJibBuilds() throws IOException {
    String image = container.path("image").asText();
    JsonNode set =
        k.root
            .path("images")
            .valueStream()
            .filter(i -> i.path("name").asText().equals(image))
            .findFirst()
            .orElseThrow(() -> new AssertionError("kustomization sets no image " + image));
    // image/pom.xml: <image.name>guestbench-collector:${project.version}</image.name>
    String pom = readString("../image/pom.xml");
    assertThat(pom).contains("<image.name>" + image + ":${project.version}</image.name>");
    String version =
        readString("../pom.xml")
            .replaceAll(
                "(?s).*?<artifactId>guestbench-parent</artifactId>\\s*<version>([^<]+)</version>.*",
                "$1");
    assertThat(set.path("newTag").asText()).isEqualTo(version);
    // Jib builds for its default platform, linux/amd64, unless image/pom.xml names others.
    assertThat(pom).doesNotContain("<platforms>");
    assertThat(pod.at("/nodeSelector/kubernetes.io~1arch").asText()).isEqualTo("amd64");
  }

  static JsonNode service(String name) {
    return k.all("Service").stream()
        .filter(s -> s.at("/metadata/name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static int containerPort(String name) {
    for (JsonNode p : container.path("ports")) {
      if (p.path("name").asText().equals(name)) {
        return p.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no container port " + name);
  }

  private static String readString(String relative) {
    try {
      return java.nio.file.Files.readString(DeployFiles.path(relative));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
