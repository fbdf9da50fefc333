package io.guestbench.collector.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerAddressesTest {
  @Test
  void hostPortWithANameIpv4OrBracketedIpv6IsValid() {
    assertThat(PeerAddresses.valid("10.0.0.5:7071")).isTrue();
    assertThat(PeerAddresses.valid("peer-1.internal:1")).isTrue();
    assertThat(PeerAddresses.valid("[fd00::1]:65535")).isTrue();
  }

  @Test
  void anythingElseIsNot() {
    assertThat(PeerAddresses.valid("")).isFalse();
    assertThat(PeerAddresses.valid("10.0.0.5")).isFalse();
    assertThat(PeerAddresses.valid(":7071")).isFalse();
    assertThat(PeerAddresses.valid("10.0.0.5:0")).isFalse();
    assertThat(PeerAddresses.valid("10.0.0.5:65536")).isFalse();
    assertThat(PeerAddresses.valid("fd00::1:7071")).as("IPv6 needs brackets").isFalse();
    assertThat(PeerAddresses.valid("a b:7071")).isFalse();
    assertThat(PeerAddresses.valid("x".repeat(300) + ":7071")).isFalse();
  }
}
