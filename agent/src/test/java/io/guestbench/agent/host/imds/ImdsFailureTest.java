package io.guestbench.agent.host.imds;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.common.time.Clock;
import io.guestbench.testing.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Off EC2, refused, failing, stalled and garbled: each ends in a result with reasons. */
class ImdsFailureTest {
  private static final Duration SHORT = Duration.ofMillis(200);
  private final Clock clock = Clock.system(); // deadlines here must pass in real time
  private FakeImds imds;

  @BeforeAll
  static void warmUp() throws IOException {
    // The JDK client's first exchange loads many classes; keep that out of the 200 ms budgets.
    try (FakeImds warm = new FakeImds(new ManualClock(0))) {
      new ImdsClient(Settings.patient(warm.endpoint()), new ManualClock(0)).lookup();
    }
  }

  @BeforeEach
  void start() throws IOException {
    imds = new FakeImds(clock);
  }

  @AfterEach
  void stop() {
    imds.close();
  }

  @Test
  void aClosedPortMeansNotOnEc2AtOnce() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port);

    ImdsFacts result = timedLookup(Settings.patient(closed), Duration.ofSeconds(1));

    assertThat(result.facts()).isEmpty();
    assertThat(result.notes())
        .containsExactly("not on EC2 (or IMDS disabled): token request: connection refused");
  }

  @ParameterizedTest
  @ValueSource(ints = {403, 405})
  void aRefusedTokenRequestEndsTheLookup(int status) {
    imds.putStatus = status;

    ImdsFacts result = lookup(SHORT, Duration.ofSeconds(1));

    assertThat(result.facts()).isEmpty();
    assertThat(result.notes())
        .containsExactly("not on EC2 (or IMDS disabled): token request answered HTTP " + status);
    assertThat(imds.seen).hasSize(1);
  }

  @Test
  void aStalledTokenRequestEndsTheLookupAfterOneTimeout() {
    imds.stallToken = true;

    ImdsFacts result =
        timedLookup(Settings.timed(imds.endpoint(), SHORT, SHORT), SHORT.plusMillis(500));

    assertThat(result.notes())
        .containsExactly("not on EC2 (or IMDS disabled): token request: no answer within 200ms");
  }

  @Test
  void aFailingPathIsMissingWithANoteAndTheRestArePresent() {
    imds.failing.put("ami-id", 500);
    imds.values.remove("placement/region");

    ImdsFacts result = lookup(SHORT, Duration.ofSeconds(1));

    assertThat(result.facts())
        .containsOnlyKeys("instance_type", "instance_id", "availability_zone");
    assertThat(result.notes())
        .containsExactly("ami_id: answered HTTP 500", "region: answered HTTP 404");
  }

  @Test
  void aStalledPathTimesOutAndTheRestArePresent() {
    imds.stalled.add("ami-id");

    ImdsFacts result =
        timedLookup(
            Settings.timed(imds.endpoint(), SHORT, Duration.ofSeconds(1)), Duration.ofSeconds(1));

    assertThat(result.facts())
        .containsOnlyKeys("instance_type", "instance_id", "availability_zone", "region");
    assertThat(result.notes()).containsExactly("ami_id: no answer within 200ms");
  }

  @Test
  void theTotalDeadlineCutsTheLookupShort() {
    imds.stalled.addAll(imds.values.keySet());

    ImdsFacts result =
        timedLookup(
            Settings.timed(imds.endpoint(), SHORT, Duration.ofMillis(500)), Duration.ofMillis(900));

    assertThat(result.facts()).isEmpty();
    assertThat(result.notes())
        .hasSize(4)
        .startsWith("instance_type: no answer within 200ms", "instance_id: no answer within 200ms");
    assertThat(result.notes().get(2)).startsWith("ami_id: no answer within ");
    assertThat(result.notes().get(3))
        .isEqualTo("IMDS deadline of 500ms reached; skipped: availability_zone, region, kernel_id");
  }

  @Test
  void garbledValuesAreRejectedWithoutEchoingThem() {
    imds.values.put("instance-type", "m5.\u001b[31mlarge");
    imds.values.put("instance-id", "i-0123\u00e9");
    imds.values.put("ami-id", "ami-" + "0".repeat(300));

    ImdsFacts result = lookup(SHORT, Duration.ofSeconds(1));

    assertThat(result.facts()).containsOnlyKeys("availability_zone", "region");
    assertThat(result.notes())
        .containsExactly(
            "instance_type: answer rejected: not printable ASCII (U+001B at position 3)",
            "instance_id: answer rejected: not printable ASCII (U+FFFD at position 6)",
            "ami_id: answer of 304 characters rejected (max 256)");
  }

  @Test
  void anOversizedAnswerIsCutOffWithANote() {
    imds.values.put("instance-type", "x".repeat(10_000));

    ImdsFacts result = lookup(SHORT, Duration.ofSeconds(1));

    assertThat(result.notes()).containsExactly("instance_type: answer longer than 4096 bytes");
  }

  @Test
  void disabledSendsNothing() {
    ImdsSettings off = Settings.patient(imds.endpoint()).withEnabled(false);

    ImdsFacts result = new ImdsClient(off, clock).lookup();

    assertThat(result.notes()).containsExactly("IMDS lookup disabled (--no-imds)");
    assertThat(imds.seen).isEmpty();
  }

  private ImdsFacts lookup(Duration request, Duration deadline) {
    return new ImdsClient(Settings.timed(imds.endpoint(), request, deadline), clock).lookup();
  }

  private ImdsFacts timedLookup(ImdsSettings settings, Duration bound) {
    long start = clock.monotonicNanos();
    ImdsFacts result = new ImdsClient(settings, clock).lookup();
    assertThat(Duration.ofNanos(clock.monotonicNanos() - start)).isLessThan(bound);
    return result;
  }
}
