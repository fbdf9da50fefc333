package io.guestbench.collector.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed offer-file fixture: hand-made in the documented AWS Price List shape. For us-east-1
 * it holds three prices (m5.large, c3.xlarge, and t2.medium in the pre-regionCode style with only a
 * location), one kept product without an on-demand term (m3.medium), and six products that must be
 * left out: Windows, dedicated tenancy, SQL Server pre-installed, unused capacity reservation,
 * eu-west-1, and EBS storage.
 */
final class OfferFiles {
  static final String FIXTURE = "/prices/offer-ec2-small.json";

  private OfferFiles() {}

  static Path fixture() {
    try {
      return Path.of(OfferFiles.class.getResource(FIXTURE).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text() {
    try {
      return Files.readString(fixture());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} to {@code name} in {@code dir}. */
  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
