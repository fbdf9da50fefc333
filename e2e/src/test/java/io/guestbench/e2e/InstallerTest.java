package io.guestbench.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;

/** A test of install.sh: the built release, its installer unpacked, an empty temporary root. */
abstract class InstallerTest extends RealProcessTest {
  final ReleaseTarball release = ReleaseTarball.built();
  TestInstall install;
  Path installer;

  @BeforeEach
  void unpackTheInstaller() throws Exception {
    install = new TestInstall(dir.resolve("root"));
    installer = release.unpack(dir.resolve("download")).resolve("install.sh");
  }
}
