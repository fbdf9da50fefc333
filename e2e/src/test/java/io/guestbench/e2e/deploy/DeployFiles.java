package io.guestbench.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The repository's deploy/ directory as the tests see it (they run with cwd e2e/). */
final class DeployFiles {
  static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeployFiles() {}

  static Path path(String relative) {
    return DEPLOY.resolve(relative);
  }

  /** Every document of a YAML file, empty ones left out. */
  static List<JsonNode> yamlDocuments(Path file) throws IOException {
    try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      return docs.readAll().stream().filter(d -> d != null && !d.isMissingNode()).toList();
    }
  }

  /** The single document of a YAML file. */
  static JsonNode yaml(Path file) throws IOException {
    List<JsonNode> docs = yamlDocuments(file);
    if (docs.size() != 1) {
      throw new IOException(file + ": " + docs.size() + " documents (expected: 1)");
    }
    return docs.getFirst();
  }

  static JsonNode yaml(String text) throws IOException {
    return YAML.readTree(text);
  }

  static JsonNode json(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }
}
