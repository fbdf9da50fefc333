package io.guestbench.agent.host.imds;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.imds.FakeImds.Seen;
import io.guestbench.agent.host.imds.ImdsHttp.Answered;
import io.guestbench.testing.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImdsClientTest {
  static final Map<String, String> ALL =
      Map.of(
          "instance_type", "m5.large",
          "instance_id", "i-0123456789abcdef0",
          "ami_id", "ami-0abcdef1234567890",
          "availability_zone", "eu-west-1a",
          "region", "eu-west-1");

  private final ManualClock clock = new ManualClock(0);
  private FakeImds imds;
  private ImdsClient client;

  @BeforeEach
  void start() throws IOException {
    imds = new FakeImds(clock);
    client = new ImdsClient(Settings.patient(imds.endpoint()), clock);
  }

  @AfterEach
  void stop() {
    imds.close();
  }

  @Test
  void putsForATokenThenGetsEveryPathWithIt() {
    ImdsFacts result = client.lookup();

    assertThat(result.facts()).isEqualTo(ALL);
    assertThat(result.notes()).isEmpty(); // kernel-id 404 is normal on HVM
    assertThat(imds.seen.getFirst()).isEqualTo(new Seen("PUT", "/latest/api/token", "21600", null));
    assertThat(imds.seen(("GET")))
        .extracting(Seen::path)
        .containsExactly(
            "/latest/meta-data/instance-type",
            "/latest/meta-data/instance-id",
            "/latest/meta-data/ami-id",
            "/latest/meta-data/placement/availability-zone",
            "/latest/meta-data/placement/region",
            "/latest/meta-data/kernel-id");
    assertThat(imds.seen("GET")).allSatisfy(s -> assertThat(s.tokenHeader()).isEqualTo(token(1)));
    assertThat(imds.seen("GET")).allSatisfy(s -> assertThat(s.ttlHeader()).isNull());
  }

  @Test
  void aPvKernelImageAddsTheHint() {
    imds.values.put("kernel-id", " aki-919dcaf8\n");

    ImdsFacts result = client.lookup();

    assertThat(result.facts())
        .containsEntry("kernel_id", "aki-919dcaf8")
        .containsEntry("pv_kernel_hint", "true");
  }

  @Test
  void reusesTheTokenUntilShortlyBeforeItsTtl() {
    client.lookup();
    clock.advance(Duration.ofSeconds(21_600 - 61));
    client.lookup();
    assertThat(imds.seen("PUT")).hasSize(1);

    clock.advance(Duration.ofSeconds(2)); // within the last minute of the TTL: renew early
    ImdsFacts result = client.lookup();

    assertThat(imds.seen("PUT")).hasSize(2);
    assertThat(imds.seen("GET").getLast().tokenHeader()).isEqualTo(token(2));
    assertThat(result.facts()).isEqualTo(ALL);
  }

  @Test
  void aTokenTheServerExpiredEarlyIsReplacedOnceOn401() {
    imds.maxTtl = Duration.ofSeconds(10);
    client.lookup();
    clock.advance(Duration.ofSeconds(11));

    ImdsFacts result = client.lookup();

    assertThat(result.facts()).isEqualTo(ALL);
    assertThat(result.notes()).isEmpty();
    assertThat(imds.seen.subList(7, 10))
        .containsExactly(
            new Seen("GET", "/latest/meta-data/instance-type", null, token(1)),
            new Seen("PUT", "/latest/api/token", "21600", null),
            new Seen("GET", "/latest/meta-data/instance-type", null, token(2)));
  }

  @Test
  void tokensForgottenMidwayAreRefreshedAndTheLookupCompletes() {
    imds.forgetTokensAfter.set(2);

    ImdsFacts result = client.lookup();

    assertThat(result.facts()).isEqualTo(ALL);
    assertThat(result.notes()).isEmpty();
    assertThat(imds.seen("PUT")).hasSize(2);
    assertThat(imds.seen("GET")).hasSize(7); // ami-id twice: once with each token
  }

  @Test
  void refreshesAtMostOncePerLookup() {
    imds.failing.put("instance-type", 401);
    imds.failing.put("ami-id", 401);

    ImdsFacts result = client.lookup();

    assertThat(result.facts()).doesNotContainKeys("instance_type", "ami_id").containsKey("region");
    assertThat(result.notes())
        .containsExactly("instance_type: answered HTTP 401", "ami_id: answered HTTP 401");
    assertThat(imds.seen("PUT")).hasSize(2);
  }

  @Test
  void theFakeDemandsALiveToken() {
    try (ImdsHttp http = new ImdsHttp(Settings.patient(imds.endpoint()))) {
      Duration wait = Duration.ofSeconds(1);
      assertThat(http.get("instance-type", "made-up", wait)).isEqualTo(new Answered(401, ""));
      assertThat(http.putToken(Duration.ofSeconds(5), wait)).isInstanceOf(Answered.class);
      assertThat(http.get("instance-type", token(1), wait))
          .isEqualTo(new Answered(200, "m5.large"));
      clock.advance(Duration.ofSeconds(5));
      assertThat(http.get("instance-type", token(1), wait)).isEqualTo(new Answered(401, ""));
    }
  }

  private static String token(int n) {
    return "AQAEA-token-" + n;
  }
}
