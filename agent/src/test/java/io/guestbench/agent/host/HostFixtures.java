package io.guestbench.agent.host;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fixture host trees under {@code src/test/resources/hosts/<scenario>}.
 *
 * <p>They are read from the source tree, not the copy on the test class path: Maven's resources
 * plugin drops dangling symbolic links and does not copy directory links, and {@code /sys} driver
 * links such as {@code sys/block/xvda/device/driver -> ../../bus/xen/drivers/vbd} are exactly that.
 */
public final class HostFixtures {
  private HostFixtures() {}

  /** The root of one scenario, for example {@code xen-hvm}. */
  public static Path root(String scenario) {
    Path root = sourceTree().resolve(scenario);
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("no fixture host " + scenario + " in " + sourceTree());
    }
    return root;
  }

  /** Host files read from one scenario. */
  public static HostFiles files(String scenario) {
    return new HostFiles(root(scenario));
  }

  /** {@code <module>/src/test/resources/hosts}, found from {@code <module>/target/test-classes}. */
  private static Path sourceTree() {
    URL classes = HostFixtures.class.getResource("/");
    if (classes == null) {
      throw new IllegalStateException("test classes are not in a directory");
    }
    try {
      Path module = Path.of(classes.toURI()).getParent().getParent();
      return module.resolve("src/test/resources/hosts");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
