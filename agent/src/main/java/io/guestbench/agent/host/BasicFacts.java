package io.guestbench.agent.host;

import com.google.inject.Inject;
import io.guestbench.proto.v1.HostFacts;
import java.util.Optional;

/**
 * The host facts the agent reports today: kernel, clocksource and CPU, read through the host root.
 * The guest-type detector replaces "unknown" with evidence-backed answers.
 */
public final class BasicFacts {
  private final HostFiles files;

  @Inject
  public BasicFacts(HostFiles files) {
    this.files = files;
  }

  public HostFacts collect() {
    HostFacts.Builder facts = HostFacts.newBuilder().setVirtType("unknown");
    firstLine("/proc/sys/kernel/osrelease").ifPresent(v -> facts.putFacts("kernel_release", v));
    firstLine("/sys/devices/system/clocksource/clocksource0/current_clocksource")
        .ifPresent(v -> facts.putFacts("clocksource", v));
    files
        .read("/proc/cpuinfo")
        .ifPresent(
            text -> {
              long cpus = text.lines().filter(l -> l.startsWith("processor")).count();
              facts.putFacts("cpu_count", Long.toString(cpus));
              text.lines()
                  .filter(l -> l.startsWith("model name"))
                  .findFirst()
                  .map(l -> l.substring(l.indexOf(':') + 1).trim())
                  .ifPresent(
                      m -> facts.putFacts("cpu_model", m.length() > 256 ? m.substring(0, 256) : m));
            });
    return facts.build();
  }

  private Optional<String> firstLine(String path) {
    return files
        .read(path)
        .flatMap(t -> t.lines().findFirst())
        .map(String::trim)
        .filter(s -> !s.isEmpty() && s.length() <= 256);
  }
}
