package io.guestbench.agent.probe.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnmpTcpTest {
  @Test
  void readsRetransSegsFromTheTcpLines() {
    String snmp =
        """
        Ip: Forwarding DefaultTTL
        Ip: 1 64
        Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors
        Tcp: 1 200 120000 -1 5120 2531 10 40 12 99281771 137265133 148 0 92 0
        Udp: InDatagrams NoPorts
        Udp: 1 2
        """;
    assertThat(SnmpTcp.retransSegs(snmp)).isEqualTo(148);
  }

  @Test
  void unknownWithoutTheField() {
    assertThat(SnmpTcp.retransSegs("")).isEqualTo(-1);
    assertThat(SnmpTcp.retransSegs("Tcp: RtoAlgorithm\nTcp: 1\n")).isEqualTo(-1);
    assertThat(SnmpTcp.retransSegs("Tcp: RetransSegs\nTcp: many\n")).isEqualTo(-1);
  }
}
