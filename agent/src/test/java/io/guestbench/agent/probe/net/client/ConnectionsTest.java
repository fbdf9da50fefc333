package io.guestbench.agent.probe.net.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ConnectionsTest {
  @Test
  void reasonsLoseTheNativeCallAndTheAddress() {
    assertThat(
            reason("finishConnect(..) failed with error(-111): Connection refused: /10.0.0.1:7071"))
        .isEqualTo("connection refused");
    assertThat(reason("sendAddress(..) failed with error(-104): Connection reset by peer"))
        .isEqualTo("connection reset by peer");
    assertThat(reason("connect(..) failed: No route to host: /[fd00::1]:7071"))
        .isEqualTo("no route to host");
    assertThat(Connections.reason(new UnknownHostException("nowhere.invalid")))
        .isEqualTo("unknown host");
    assertThat(Connections.reason(new IOException())).isEqualTo("IOException");
  }

  private static String reason(String message) {
    return Connections.reason(new IOException(message));
  }
}
