package io.guestbench.agent.host;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The fixture host trees under {@code src/test/resources/hosts/<scenario>}. */
public final class HostFixtures {
  private HostFixtures() {}

  /** The root of one scenario, for example {@code xen-hvm}. */
  public static Path root(String scenario) {
    URL url = HostFixtures.class.getResource("/hosts/" + scenario);
    if (url == null) {
      throw new IllegalArgumentException("no fixture host " + scenario);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Host files read from one scenario. */
  public static HostFiles files(String scenario) {
    return new HostFiles(root(scenario));
  }
}
