package io.guestbench.agent.host.imds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImdsSettingsTest {

  @Test
  void defaultsAreTheLinkLocalServiceWithShortTimeouts() {
    ImdsSettings d = ImdsSettings.defaults();

    assertThat(d.endpoint()).isEqualTo(URI.create("http://169.254.169.254"));
    assertThat(d.tokenTtl()).isEqualTo(Duration.ofSeconds(21_600));
    assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(d.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(d.totalDeadline()).isEqualTo(Duration.ofSeconds(3));
    assertThat(d.enabled()).isTrue();
    assertThat(ImdsSettings.disabled().enabled()).isFalse();
  }

  @Test
  void parsesHttpAndHttpsEndpointsWithoutTrailingSlash() {
    assertThat(ImdsSettings.parseEndpoint("http://127.0.0.1:8080/"))
        .isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(ImdsSettings.parseEndpoint(" https://imds.test/prefix/ "))
        .isEqualTo(URI.create("https://imds.test/prefix"));
    assertThat(ImdsSettings.parseEndpoint("http://[::1]:1338"))
        .isEqualTo(URI.create("http://[::1]:1338"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "169.254.169.254",
        "ftp://127.0.0.1",
        "http://",
        "http:///path",
        "http://127.0.0.1/?x=1",
        "http://127.0.0.1/#frag",
        "http://user@127.0.0.1",
        "http://bad host"
      })
  void rejectsAnythingButAPlainHttpUrl(String text) {
    assertThatThrownBy(() -> ImdsSettings.parseEndpoint(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--imds-endpoint: '" + text + "' (expected: an http or https URL)");
  }

  @Test
  void theErrorStaysOnOneLine() {
    assertThatThrownBy(() -> ImdsSettings.parseEndpoint("http://a\nb"))
        .hasMessage("--imds-endpoint: 'http://a?b' (expected: an http or https URL)");
  }

  @Test
  void rejectsOutOfRangeDurations() {
    ImdsSettings d = ImdsSettings.defaults();
    assertThatThrownBy(
            () ->
                new ImdsSettings(
                    d.endpoint(),
                    Duration.ofHours(7),
                    d.connectTimeout(),
                    d.requestTimeout(),
                    d.totalDeadline(),
                    true))
        .hasMessage("token TTL 7h (expected: 1s..6h)");
    assertThatThrownBy(
            () ->
                new ImdsSettings(
                    d.endpoint(),
                    d.tokenTtl(),
                    Duration.ZERO,
                    d.requestTimeout(),
                    d.totalDeadline(),
                    true))
        .hasMessage("connect timeout 0s (expected: 1ms..30s)");
  }
}
