package io.guestbench.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine's host name, shaped into a default agent id. */
public class HostName {
  private final Path hostnameFile;

  public HostName(Path hostnameFile) {
    this.hostnameFile = hostnameFile;
  }

  /** The production source: the kernel's idea of the host name. */
  public static HostName system() {
    return new HostName(Path.of("/proc/sys/kernel/hostname"));
  }

  /** The host name reduced to agent-id characters, or {@code agent} when unreadable. */
  public String agentIdFromHost() {
    try {
      String name = Files.readString(hostnameFile).trim().toLowerCase(Locale.ROOT);
      String id = name.replaceAll("[^a-z0-9._-]", "-");
      return id.isEmpty() ? "agent" : id.substring(0, Math.min(64, id.length()));
    } catch (IOException e) {
      return "agent";
    }
  }
}
