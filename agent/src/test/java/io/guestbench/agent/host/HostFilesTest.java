package io.guestbench.agent.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFilesTest {
  @TempDir Path root;

  @Test
  void readsBelowTheRoot() {
    HostFiles files = HostFixtures.files("xen-hvm");

    assertThat(files.read("/proc/stat")).hasValueSatisfying(t -> assertThat(t).startsWith("cpu "));
    assertThat(files.readFile("/proc/stat").problem()).isNull();
  }

  @Test
  void missingFileIsEmptyWithAReason() {
    HostFile file = new HostFiles(root).readFile("/proc/stat");

    assertThat(file.content()).isEmpty();
    assertThat(file.problem()).isEqualTo("missing");
    assertThat(new HostFiles(root).read("/proc/stat")).isEmpty();
  }

  @Test
  void refusesFilesOverOneMebibyte() throws IOException {
    Files.createDirectories(root.resolve("proc"));
    Files.write(root.resolve("proc/big"), new byte[HostFiles.MAX_BYTES + 1]);
    Files.write(root.resolve("proc/just"), new byte[HostFiles.MAX_BYTES]);
    HostFiles files = new HostFiles(root);

    assertThat(files.readFile("/proc/big").problem()).contains("larger than 1048576 bytes");
    assertThat(files.read("/proc/just")).hasValueSatisfying(t -> assertThat(t).hasSize(1 << 20));
  }

  @Test
  void directoryIsUnreadableNotAnException() throws IOException {
    Files.createDirectories(root.resolve("sys/hypervisor"));

    HostFile file = new HostFiles(root).readFile("/sys/hypervisor");

    assertThat(file.content()).isEmpty();
    assertThat(file.problem()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void refusesRelativePathsAndEscapesFromTheRoot() throws IOException {
    Path inner = Files.createDirectories(root.resolve("host"));
    Files.writeString(root.resolve("secret"), "outside");
    HostFiles files = new HostFiles(inner);

    assertThat(files.read("proc/stat")).isEmpty();
    assertThat(files.read("/../secret")).isEmpty();
    assertThat(files.read("/proc/../../secret")).isEmpty();
    assertThat(files.read(null)).isEmpty();
    assertThat(files.read("/proc/\0stat")).isEmpty();
    assertThat(files.readFile("/../secret").problem()).contains("inside the host root");
  }

  @Test
  void resultCarriesExactlyTextOrProblem() {
    assertThat(HostFile.of("/a", "x").content()).hasValue("x");
    assertThatThrownBy(() -> new HostFile("/a", "x", "y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HostFile("/a", null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsSortedNamesAndNothingWhenMissing() throws IOException {
    Files.createDirectories(root.resolve("sys/block/xvdb"));
    Files.createDirectories(root.resolve("sys/block/xvda"));
    Files.writeString(root.resolve("sys/block/file"), "x");
    HostFiles files = new HostFiles(root);

    assertThat(files.list("/sys/block")).containsExactly("file", "xvda", "xvdb");
    assertThat(files.list("/sys/class/net")).isEmpty();
    assertThat(files.list("/sys/block/file")).isEmpty();
    assertThat(files.list("/../")).isEmpty();
    assertThat(files.isDirectory("/sys/block/xvda")).isTrue();
    assertThat(files.isDirectory("/sys/block/file")).isFalse();
    assertThat(files.isDirectory("/sys/nothing")).isFalse();
  }

  @Test
  void linkTargetNameIsTheLastElementEvenWhenDangling() throws IOException {
    Path device = Files.createDirectories(root.resolve("sys/devices/vbd-51712"));
    Files.createSymbolicLink(device.resolve("driver"), Path.of("../../bus/xen/drivers/vbd"));
    Files.createDirectories(root.resolve("sys/block/xvda"));
    Files.createSymbolicLink(
        root.resolve("sys/block/xvda/device"), Path.of("../../devices/vbd-51712"));
    HostFiles files = new HostFiles(root);

    assertThat(files.linkTargetName("/sys/block/xvda/device/driver")).hasValue("vbd");
    assertThat(files.linkTargetName("/sys/block/xvda/device")).hasValue("vbd-51712");
    assertThat(files.isDirectory("/sys/block/xvda/device")).isTrue();
    assertThat(files.linkTargetName("/sys/block/xvda")).isEqualTo(Optional.empty());
    assertThat(files.linkTargetName("/sys/block/xvdz/device/driver")).isEmpty();
    assertThat(files.linkTargetName("relative")).isEmpty();
  }

  @Test
  void fixtureLinksAreRealSymbolicLinks() {
    HostFiles files = HostFixtures.files("xen-hvm-pv-drivers");

    assertThat(files.linkTargetName("/sys/block/xvda/device/driver")).hasValue("vbd");
  }
}
