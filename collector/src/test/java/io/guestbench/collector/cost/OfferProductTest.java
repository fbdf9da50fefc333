package io.guestbench.collector.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OfferProductTest {
  private final ObjectMapper json = new ObjectMapper();
  private final OfferProduct filter = new OfferProduct("us-east-1");

  @Test
  void aPlainLinuxInstanceIsKept() {
    assertThat(filter.instanceType(product())).contains("m5.large");
  }

  @Test
  void everyAttributeThatChangesThePriceMustMatch() {
    assertThat(filter.instanceType(with("operatingSystem", "RHEL"))).isEmpty();
    assertThat(filter.instanceType(with("tenancy", "Host"))).isEmpty();
    assertThat(filter.instanceType(with("preInstalledSw", "SQL Web"))).isEmpty();
    assertThat(filter.instanceType(with("capacitystatus", "AllocatedCapacityReservation")))
        .isEmpty();
    assertThat(filter.instanceType(with("licenseModel", "Bring your own license"))).isEmpty();
    assertThat(filter.instanceType(with("operation", "RunInstances:0010"))).isEmpty();
    assertThat(filter.instanceType(with("locationType", "AWS Local Zone"))).isEmpty();
    assertThat(filter.instanceType(with("regionCode", "us-east-2"))).isEmpty();
  }

  @Test
  void olderFilesWithoutRegionCodeAreMatchedByLocationName() {
    ObjectNode old = product();
    ((ObjectNode) old.get("attributes")).remove("regionCode");
    ObjectNode ohio = old.deepCopy();
    ((ObjectNode) ohio.get("attributes")).put("location", "US East (Ohio)");

    assertThat(filter.instanceType(old)).contains("m5.large");
    assertThat(filter.instanceType(ohio)).isEmpty();
    assertThat(new OfferProduct("mars-north-1").instanceType(old)).isEmpty();
  }

  private ObjectNode with(String attribute, String value) {
    ObjectNode p = product();
    ((ObjectNode) p.get("attributes")).put(attribute, value);
    return p;
  }

  private ObjectNode product() {
    ObjectNode p = json.createObjectNode().put("sku", "X").put("productFamily", "Compute Instance");
    p.putObject("attributes")
        .put("instanceType", "m5.large")
        .put("location", "US East (N. Virginia)")
        .put("locationType", "AWS Region")
        .put("operatingSystem", "Linux")
        .put("tenancy", "Shared")
        .put("preInstalledSw", "NA")
        .put("capacitystatus", "Used")
        .put("licenseModel", "No License required")
        .put("operation", "RunInstances")
        .put("marketoption", "OnDemand")
        .put("regionCode", "us-east-1");
    return p;
  }
}
