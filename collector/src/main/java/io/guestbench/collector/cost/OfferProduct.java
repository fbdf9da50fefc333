package io.guestbench.collector.cost;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Which offer-file products are the price guestbench means: a Linux instance with shared tenancy,
 * no pre-installed software, capacity used (not a reservation held unused), sold on demand, in the
 * chosen region itself (not one of its Local or Wavelength Zones). Everything else (Windows, RHEL,
 * dedicated hosts, SQL Server images, EBS, data transfer) is left out.
 */
final class OfferProduct {
  private final String region;
  private final Optional<String> location;

  OfferProduct(String region) {
    this.region = region;
    this.location = Regions.location(region);
  }

  /** The product's instance type when it is one guestbench prices, else empty. */
  Optional<String> instanceType(JsonNode product) {
    JsonNode a = product.path("attributes");
    String type = a.path("instanceType").asText("");
    boolean wanted =
        !type.isEmpty()
            && is(a, "operatingSystem", "Linux")
            && is(a, "tenancy", "Shared")
            && is(a, "preInstalledSw", "NA")
            && isOrAbsent(a, "capacitystatus", "Used") // files before 2018 lack it
            && isOrAbsent(a, "licenseModel", "No License required")
            && isOrAbsent(a, "marketoption", "OnDemand")
            && isOrAbsent(a, "operation", "RunInstances") // RunInstances:0002 and so on: other OS
            && isOrAbsent(a, "locationType", "AWS Region") // not Local or Wavelength Zones
            && inRegion(a);
    return wanted ? Optional.of(type) : Optional.empty();
  }

  /** The product's region code, or its location name when it has none. */
  static String regionOf(JsonNode product) {
    JsonNode a = product.path("attributes");
    return a.hasNonNull("regionCode") ? a.get("regionCode").asText() : a.path("location").asText();
  }

  private boolean inRegion(JsonNode a) {
    if (a.hasNonNull("regionCode")) {
      return a.get("regionCode").asText().equals(region);
    }
    return location.isPresent() && location.get().equals(a.path("location").asText());
  }

  private static boolean is(JsonNode attributes, String name, String value) {
    return value.equals(attributes.path(name).asText());
  }

  private static boolean isOrAbsent(JsonNode attributes, String name, String value) {
    return !attributes.hasNonNull(name) || is(attributes, name, value);
  }
}
