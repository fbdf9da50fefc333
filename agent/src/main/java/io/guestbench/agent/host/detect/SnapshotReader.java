package io.guestbench.agent.host.detect;

import com.google.inject.Inject;
import io.guestbench.agent.host.HostFile;
import io.guestbench.agent.host.HostFiles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads the {@link HostSnapshot} through the host root; the only part of detection doing I/O. */
public final class SnapshotReader {
  /** Enough for any guest we compare; a host with thousands of devices is cut, not stalled. */
  static final int MAX_DEVICES = 256;

  private final HostFiles host;

  @Inject
  public SnapshotReader(HostFiles host) {
    this.host = Objects.requireNonNull(host, "host");
  }

  /** Reads every input once; never throws. */
  public HostSnapshot read() {
    Map<String, HostFile> files = new HashMap<>();
    Map<String, List<String>> directories = new HashMap<>();
    Map<String, String> links = new HashMap<>();
    HostPaths.FILES.forEach(path -> files.put(path, host.readFile(path)));
    directory(HostPaths.PROC_XEN, directories);
    for (String name : directory(HostPaths.VULNERABILITIES, directories)) {
      String path = HostPaths.VULNERABILITIES + "/" + name;
      files.put(path, host.readFile(path));
    }
    for (String name : directory(HostPaths.PCI_DEVICES, directories)) {
      String device = HostPaths.PCI_DEVICES + "/" + name;
      files.put(device + "/vendor", host.readFile(device + "/vendor"));
      files.put(device + "/device", host.readFile(device + "/device"));
    }
    devices(HostPaths.BLOCK, directories, links);
    devices(HostPaths.NET, directories, links);
    return new HostSnapshot(files, directories, links);
  }

  /**
   * Records which entries of a device directory have a {@code device} (virtual ones such as {@code
   * loop0} or {@code lo} do not) and where their driver links point.
   */
  private void devices(
      String dir, Map<String, List<String>> directories, Map<String, String> links) {
    for (String name : directory(dir, directories)) {
      String device = dir + "/" + name;
      if (!host.isDirectory(device + "/device")) {
        continue;
      }
      directories.put(device + "/device", List.of());
      for (String link :
          List.of(HostPaths.deviceDriver(device), HostPaths.parentDeviceDriver(device))) {
        host.linkTargetName(link).ifPresent(target -> links.put(link, target));
      }
    }
  }

  private List<String> directory(String path, Map<String, List<String>> directories) {
    if (!host.isDirectory(path)) {
      return List.of();
    }
    List<String> entries = host.list(path).stream().limit(MAX_DEVICES).toList();
    directories.put(path, entries);
    return entries;
  }
}
