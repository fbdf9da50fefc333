package io.guestbench.agent.host.detect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The block or network devices that sit on a bus, each with its driver's name.
 *
 * @param source where they were listed, for example {@code /sys/block}
 * @param listed whether that directory exists at all
 * @param all the devices, by name
 */
record Devices(String source, boolean listed, List<Device> all) {
  /** One device, for example {@code xvda} driven by {@code vbd}; the driver may be unknown. */
  record Device(String name, Optional<String> driver) {
    Device {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(driver, "driver");
    }

    /** {@code name:driver}, as in the {@code block_devices} fact. */
    String describe() {
      return name + ":" + driver.orElse("unknown");
    }
  }

  Devices {
    Objects.requireNonNull(source, "source");
    all = List.copyOf(all);
  }

  /** The devices under {@code dir} that have a {@code device} directory, that is not virtual. */
  static Devices of(HostSnapshot snapshot, String dir) {
    Optional<List<String>> names = snapshot.directory(dir);
    List<Device> devices =
        names.orElse(List.of()).stream()
            .filter(n -> snapshot.directory(dir + "/" + n + "/device").isPresent())
            .map(n -> new Device(n, driver(snapshot, dir + "/" + n)))
            .toList();
    return new Devices(dir, names.isPresent(), devices);
  }

  private static Optional<String> driver(HostSnapshot snapshot, String device) {
    return snapshot
        .link(HostPaths.deviceDriver(device))
        .or(() -> snapshot.link(HostPaths.parentDeviceDriver(device)));
  }

  boolean anyDriver(String... drivers) {
    List<String> wanted = List.of(drivers);
    return all.stream().anyMatch(d -> d.driver().filter(wanted::contains).isPresent());
  }

  /** Which of {@code drivers} are in use, in the order given. */
  List<String> driversAmong(String... drivers) {
    return List.of(drivers).stream().filter(this::anyDriver).toList();
  }

  /** {@code xvda:vbd,nvme0n1:nvme} or {@code none}; empty when the directory is missing. */
  Optional<String> describe() {
    if (!listed) {
      return Optional.empty();
    }
    return Optional.of(
        all.isEmpty()
            ? "none"
            : all.stream().map(Device::describe).collect(Collectors.joining(",")));
  }

  /** The devices as evidence, or why there are none to show. */
  String evidence() {
    return describe().orElse(source + " missing");
  }
}
