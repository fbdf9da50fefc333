package io.guestbench.agent.host.detect;

import io.guestbench.agent.host.HostFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything detection and facts look at, read once: so deciding is a pure function of this value.
 *
 * @param files host path to what reading it gave, including the reason for unreadable ones
 * @param directories host path to its sorted entries, only for directories that exist (device
 *     directories such as {@code /sys/block/xvda/device} are recorded without entries)
 * @param links host path to the last element of its symbolic link target, only for readable links
 */
public record HostSnapshot(
    Map<String, HostFile> files, Map<String, List<String>> directories, Map<String, String> links) {
  public HostSnapshot {
    files = Map.copyOf(files);
    directories =
        directories.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    links = Map.copyOf(links);
  }

  /** What reading {@code path} gave; a path that was never read is unreadable, saying so. */
  public HostFile file(String path) {
    HostFile file = files.get(path);
    return file != null ? file : new HostFile(path, null, "not read");
  }

  /** The entries of a directory, or empty when it does not exist. */
  public Optional<List<String>> directory(String path) {
    return Optional.ofNullable(directories.get(path));
  }

  /** The name a symbolic link points at, for example {@code vbd}. */
  public Optional<String> link(String path) {
    return Optional.ofNullable(links.get(path));
  }
}
