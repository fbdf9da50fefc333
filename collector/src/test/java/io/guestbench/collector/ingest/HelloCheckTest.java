package io.guestbench.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.Hello;
import org.junit.jupiter.api.Test;

class HelloCheckTest {
  private final Hello hello = Hello.newBuilder().setAgentId("a-1").setEpoch(7).build();

  @Test
  void acceptsEveryProtocolRevisionFromTheOldestToItsOwn() {
    for (int revision = HelloCheck.OLDEST_PROTOCOL_VERSION;
        revision <= HelloCheck.PROTOCOL_VERSION;
        revision++) {
      assertThat(HelloCheck.problem(hello.toBuilder().setProtocolVersion(revision).build()))
          .as("revision %d", revision)
          .isEmpty();
    }
    assertThat(HelloCheck.PROTOCOL_VERSION).isEqualTo(2);
  }

  @Test
  void refusesRevisionsItDoesNotSpeakSayingWhichItDoes() {
    assertThat(HelloCheck.problem(hello.toBuilder().setProtocolVersion(0).build()))
        .contains("protocol_version 0 (expected 1 to 2)");
    assertThat(HelloCheck.problem(hello.toBuilder().setProtocolVersion(3).build()))
        .contains("protocol_version 3 (expected 1 to 2)");
    assertThat(HelloCheck.problem(hello.toBuilder().setProtocolVersion(-1).build()))
        .contains("protocol_version 4294967295 (expected 1 to 2)");
  }
}
