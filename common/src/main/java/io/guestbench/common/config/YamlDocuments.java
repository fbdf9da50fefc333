package io.guestbench.common.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a YAML file into a tree, turning every failure into a one-line {@link ConfigException}. */
public final class YamlDocuments {
  private static final long MAX_BYTES = 1 << 20;
  private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory());

  /** The document's root; an empty file is an empty mapping. */
  public JsonNode read(Path file) throws ConfigException {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(file + ": larger than 1 MiB (expected: a config file)");
      }
      return parse(file.toString(), Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
    }
  }

  /** Parses YAML text; {@code origin} names it in errors. */
  public JsonNode parse(String origin, String text) throws ConfigException {
    try {
      JsonNode root = mapper.readTree(text);
      return root == null ? MissingNode.getInstance() : root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new ConfigException(origin + where + ": malformed YAML (" + oneLine(e) + ")");
    }
  }

  /** The parser's own message keeps only its sentences, not its multi-line source excerpt. */
  private static String oneLine(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    return message
        .lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .reduce((a, b) -> a + "; " + b)
        .orElse("unreadable");
  }
}
