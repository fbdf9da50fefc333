package io.guestbench.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kustomization read as far as these deploy files use it: its resource files and its generated
 * ConfigMaps (key to file content). No kubectl here, so nothing more is emulated.
 */
final class Kustomization {
  final Path dir;
  final JsonNode root;
  final List<JsonNode> resources = new ArrayList<>();
  final Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();

  private Kustomization(Path dir) throws IOException {
    this.dir = dir;
    this.root = DeployFiles.yaml(dir.resolve("kustomization.yaml"));
    for (JsonNode r : root.path("resources")) {
      resources.addAll(DeployFiles.yamlDocuments(dir.resolve(r.asText())));
    }
    for (JsonNode g : root.path("configMapGenerator")) {
      Map<String, String> data = new LinkedHashMap<>();
      for (JsonNode f : g.path("files")) {
        String spec = f.asText();
        String file = spec.contains("=") ? spec.split("=", 2)[1] : spec;
        String key =
            spec.contains("=") ? spec.split("=", 2)[0] : Path.of(spec).getFileName().toString();
        data.put(key, Files.readString(dir.resolve(file)));
      }
      configMaps.put(g.path("name").asText(), data);
    }
  }

  static Kustomization read(Path dir) throws IOException {
    return new Kustomization(dir);
  }

  /** The one resource of this kind; fails unless there is exactly one. */
  JsonNode only(String kind) {
    List<JsonNode> all = all(kind);
    if (all.size() != 1) {
      throw new AssertionError(dir + ": " + all.size() + " resources of kind " + kind);
    }
    return all.getFirst();
  }

  List<JsonNode> all(String kind) {
    return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
  }

  /** True when every matchLabels entry of {@code selector} is among {@code labels}. */
  static boolean selects(JsonNode matchLabels, JsonNode labels) {
    if (!matchLabels.isObject() || matchLabels.isEmpty()) {
      return false;
    }
    var it = matchLabels.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!labels.path(e.getKey()).asText("\u0000").equals(e.getValue().asText())) {
        return false;
      }
    }
    return true;
  }
}
