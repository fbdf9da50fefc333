package io.guestbench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A cloud-config user-data document as cloud-init reads it: the files it writes and the commands it
 * runs. {@link #writeUnder} writes the files below a directory instead of /, with their modes, and
 * points the agent config's paths there.
 */
final class UserData {
  static final String ETC = "/etc/guestbench/";
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .build();

  /** One {@code write_files} entry. */
  record Written(String path, String owner, String permissions, String content) {}

  private final ObjectNode root;

  private UserData(ObjectNode root) {
    this.root = root;
  }

  static UserData read(Path file) throws IOException {
    String text = Files.readString(file);
    if (!text.startsWith("#cloud-config\n")) {
      throw new AssertionError(file + " does not start with #cloud-config");
    }
    return new UserData((ObjectNode) YAML.readTree(text));
  }

  List<Written> files() {
    List<Written> out = new ArrayList<>();
    for (JsonNode f : root.path("write_files")) {
      out.add(
          new Written(
              f.path("path").asText(),
              f.path("owner").asText(),
              f.path("permissions").asText(),
              f.path("content").asText()));
    }
    return out;
  }

  Written file(String path) {
    return files().stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("user-data writes no " + path));
  }

  List<String> runcmd() {
    List<String> out = new ArrayList<>();
    root.path("runcmd").forEach(c -> out.add(c.asText()));
    return out;
  }

  /** A copy with the file at {@code path} given other content, or left out when null. */
  UserData withFile(String path, String content) {
    ObjectNode copy = root.deepCopy();
    var files = copy.withArray("write_files");
    for (int i = files.size() - 1; i >= 0; i--) {
      if (files.get(i).path("path").asText().equals(path)) {
        if (content == null) {
          files.remove(i);
        } else {
          ((ObjectNode) files.get(i)).put("content", content);
        }
      }
    }
    return new UserData(copy);
  }

  /** A copy in which the file at {@code path} has another mode, such as 0600. */
  UserData withPermissions(String path, String mode) {
    ObjectNode copy = root.deepCopy();
    for (JsonNode f : copy.withArray("write_files")) {
      if (f.path("path").asText().equals(path)) {
        ((ObjectNode) f).put("permissions", mode);
      }
    }
    return new UserData(copy);
  }

  void write(Path file) throws IOException {
    Files.writeString(file, "#cloud-config\n" + YAML.writeValueAsString(root));
  }

  /**
   * Writes every file below {@code base} (/etc/guestbench/x as base/etc/guestbench/x) with its
   * mode, the agent config's /etc/guestbench/ paths pointing there too; returns the config.
   */
  Path writeUnder(Path base) throws IOException {
    String etc = base.resolve(ETC.substring(1)) + "/";
    for (Written f : files()) {
      Path target = base.resolve(f.path().substring(1));
      Files.createDirectories(target.getParent());
      String content =
          f.path().equals(ETC + "agent.yaml") ? f.content().replace(ETC, etc) : f.content();
      Files.writeString(target, content);
      Files.setPosixFilePermissions(target, mode(f.permissions()));
    }
    return base.resolve(ETC.substring(1)).resolve("agent.yaml");
  }

  /**
   * Writes every file as cloud-init's write_files does, below {@code base} standing for /: same
   * path, content, mode and owner, each owner's group given as a gid by {@code gids} (root: 0).
   */
  void writeAsCloudInit(Path base, java.util.Map<String, Integer> gids) throws IOException {
    for (Written f : files()) {
      Path target = base.resolve(f.path().substring(1));
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.content());
      Files.setPosixFilePermissions(target, mode(f.permissions()));
      String group = f.owner().substring(f.owner().indexOf(':') + 1);
      Files.setAttribute(target, "unix:uid", 0);
      Files.setAttribute(target, "unix:gid", group.equals("root") ? 0 : gids.get(group));
    }
  }

  /** An octal mode such as 0640 as permissions. */
  static Set<PosixFilePermission> mode(String octal) {
    int bits = Integer.parseInt(octal, 8);
    StringBuilder s = new StringBuilder();
    for (int shift = 6; shift >= 0; shift -= 3) {
      int b = bits >> shift;
      s.append((b & 4) != 0 ? 'r' : '-').append((b & 2) != 0 ? 'w' : '-');
      s.append((b & 1) != 0 ? 'x' : '-');
    }
    return PosixFilePermissions.fromString(s.toString());
  }
}
