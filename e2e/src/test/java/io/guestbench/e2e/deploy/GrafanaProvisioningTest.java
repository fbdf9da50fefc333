package io.guestbench.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana provisioning files fit the committed dashboards and the Kubernetes install: every
 * data source reference in a dashboard resolves to the provisioned Prometheus data source, and the
 * dashboard provider reads the directory where the Kubernetes mounts put the dashboards.
 */
class GrafanaProvisioningTest {
  private static final Path GRAFANA = DeployFiles.path("grafana");

  @Test
  void everyDashboardDataSourceResolvesToTheProvisionedOne() throws IOException {
    JsonNode source = onlyDataSource();
    assertThat(source.path("type").asText()).isEqualTo("prometheus");
    for (Path file : dashboards()) {
      JsonNode dashboard = DeployFiles.json(file);
      Map<String, JsonNode> variables = datasourceVariables(dashboard);
      List<String> refs = new ArrayList<>();
      collectDataSourceRefs(dashboard, "", refs, variables, source);
      assertThat(refs).as(file + ": data source references").isNotEmpty();
      assertThat(variables.values())
          .as(file + ": each datasource variable selects the provisioned data source")
          .allSatisfy(
              v -> {
                assertThat(v.path("query").asText()).isEqualTo(source.path("type").asText());
                assertThat(v.path("current").path("value").asText())
                    .isEqualTo(source.path("uid").asText());
              });
    }
  }

  @Test
  void providerReadsWhereKubernetesMountsTheDashboards() throws IOException {
    JsonNode providers =
        DeployFiles.yaml(GRAFANA.resolve("provisioning/dashboards/guestbench.yaml"));
    assertThat(providers.path("apiVersion").asInt()).isEqualTo(1);
    assertThat(providers.path("providers")).hasSize(1);
    JsonNode provider = providers.path("providers").get(0);
    assertThat(provider.path("type").asText()).isEqualTo("file");
    String path = provider.path("options").path("path").asText();

    Map<String, JsonNode> generated = configMapGenerators();
    JsonNode pod =
        DeployFiles.yaml(GRAFANA.resolve("grafana-mounts.patch.yaml")).at("/spec/template/spec");
    Map<String, String> mountByConfigMap = new HashMap<>();
    Map<String, String> subPathByConfigMap = new HashMap<>();
    Map<String, String> configMapByVolume = new HashMap<>();
    pod.path("volumes")
        .forEach(
            v -> configMapByVolume.put(v.path("name").asText(), v.at("/configMap/name").asText()));
    pod.path("containers")
        .get(0)
        .path("volumeMounts")
        .forEach(
            m -> {
              String cm = configMapByVolume.get(m.path("name").asText());
              assertThat(cm).as("volume of mount " + m).isNotNull();
              mountByConfigMap.put(cm, m.path("mountPath").asText());
              subPathByConfigMap.put(cm, m.path("subPath").asText());
            });
    assertThat(mountByConfigMap.keySet()).isEqualTo(generated.keySet());

    // The dashboards ConfigMap is mounted as a directory at the provider's path and holds every
    // committed dashboard.
    assertThat(mountByConfigMap.get("guestbench-grafana-dashboards")).isEqualTo(path);
    assertThat(keys(generated.get("guestbench-grafana-dashboards")))
        .containsExactlyInAnyOrderElementsOf(
            dashboards().stream().map(p -> p.getFileName().toString()).toList());
    // The provisioning files land in Grafana's provisioning directories under the key mounted.
    assertProvisioningMount(
        generated,
        mountByConfigMap,
        subPathByConfigMap,
        "guestbench-grafana-datasources",
        "/etc/grafana/provisioning/datasources/",
        "provisioning/datasources/guestbench.yaml");
    assertProvisioningMount(
        generated,
        mountByConfigMap,
        subPathByConfigMap,
        "guestbench-grafana-dashboard-provider",
        "/etc/grafana/provisioning/dashboards/",
        "provisioning/dashboards/guestbench.yaml");
  }

  private static void assertProvisioningMount(
      Map<String, JsonNode> generated,
      Map<String, String> mounts,
      Map<String, String> subPaths,
      String configMap,
      String directory,
      String sourceFile) {
    String subPath = subPaths.get(configMap);
    assertThat(mounts.get(configMap)).isEqualTo(directory + subPath);
    assertThat(generated.get(configMap).path("files"))
        .extracting(JsonNode::asText)
        .containsExactly(subPath + "=" + sourceFile);
    assertThat(GRAFANA.resolve(sourceFile)).isRegularFile();
  }

  /** The kustomization's ConfigMaps by name; each file entry points at an existing file. */
  private static Map<String, JsonNode> configMapGenerators() throws IOException {
    JsonNode k = DeployFiles.yaml(GRAFANA.resolve("kustomization.yaml"));
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode g : k.path("configMapGenerator")) {
      for (JsonNode f : g.path("files")) {
        String file = f.asText().contains("=") ? f.asText().split("=", 2)[1] : f.asText();
        assertThat(GRAFANA.resolve(file)).as(g.path("name").asText()).isRegularFile();
      }
      byName.put(g.path("name").asText(), g);
    }
    return byName;
  }

  /** The ConfigMap keys a generator makes: {@code key=file}, or the file's name. */
  private static List<String> keys(JsonNode generator) {
    List<String> keys = new ArrayList<>();
    for (JsonNode f : generator.path("files")) {
      String spec = f.asText();
      keys.add(spec.contains("=") ? spec.split("=", 2)[0] : Path.of(spec).getFileName().toString());
    }
    return keys;
  }

  private static JsonNode onlyDataSource() throws IOException {
    JsonNode file = DeployFiles.yaml(GRAFANA.resolve("provisioning/datasources/guestbench.yaml"));
    assertThat(file.path("apiVersion").asInt()).isEqualTo(1);
    assertThat(file.path("datasources")).hasSize(1);
    JsonNode source = file.path("datasources").get(0);
    assertThat(source.path("uid").asText()).matches("[a-zA-Z0-9_-]{1,40}");
    assertThat(source.path("url").asText()).startsWith("http");
    return source;
  }

  private static List<Path> dashboards() throws IOException {
    try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(all).isNotEmpty();
      return all;
    }
  }

  private static Map<String, JsonNode> datasourceVariables(JsonNode dashboard) {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode v : dashboard.path("templating").path("list")) {
      if (v.path("type").asText().equals("datasource")) {
        out.put(v.path("name").asText(), v);
      }
    }
    return out;
  }

  /**
   * Walks the dashboard; every {@code datasource} field (panels, targets, query variables,
   * annotations) must name the provisioned uid, or a datasource variable of the same plugin type
   * ({@code ${name}} or {@code $name}).
   */
  private static void collectDataSourceRefs(
      JsonNode node,
      String where,
      List<String> refs,
      Map<String, JsonNode> variables,
      JsonNode source) {
    if (node.isObject()) {
      JsonNode ds = node.get("datasource");
      if (ds != null && !ds.isNull()) {
        String uid = ds.isTextual() ? ds.asText() : ds.path("uid").asText();
        String name = uid.replaceAll("^\\$\\{?([A-Za-z0-9_]+)}?$", "$1");
        boolean viaVariable = !name.equals(uid) && variables.containsKey(name);
        assertThat(viaVariable || uid.equals(source.path("uid").asText()))
            .as(where + ".datasource " + ds + " resolves to " + source.path("uid").asText())
            .isTrue();
        if (ds.has("type")) {
          assertThat(ds.path("type").asText()).as(where).isEqualTo(source.path("type").asText());
        }
        refs.add(where);
      }
      node.fields()
          .forEachRemaining(
              e -> {
                if (!e.getKey().equals("datasource")) {
                  collectDataSourceRefs(
                      e.getValue(), where + "." + e.getKey(), refs, variables, source);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDataSourceRefs(node.get(i), where + "[" + i + "]", refs, variables, source);
      }
    }
  }
}
