package io.guestbench.collector.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The direction catalogue over the collector's family and scalar names; unknown fails closed. */
class DirectionTest {
  @Test
  void ratesAreHigherIsFaster() {
    for (String name :
        new String[] {
          "guestbench_disk_read_ops_per_second",
          "guestbench_disk_write_bytes_per_second",
          "guestbench_disk_read_min_interval_ops_per_second",
          "guestbench_net_stream_received_bytes_per_second",
          "guestbench_net_transactions_per_second",
          "guestbench_cpu_compute_ops_per_second",
          "guestbench_mem_bandwidth_bytes_per_second",
          "ops_per_second"
        }) {
      assertThat(Direction.of(name)).as(name).isEqualTo(Direction.HIGHER_IS_FASTER);
    }
  }

  @Test
  void timesAreLowerIsFaster() {
    for (String name :
        new String[] {
          "guestbench_disk_read_latency_seconds",
          "guestbench_disk_sync_latency_seconds_p99",
          "guestbench_net_rtt_seconds",
          "guestbench_os_syscall_seconds",
          "guestbench_timer_read_seconds",
          "guestbench_mem_load_seconds",
          "guestbench_os_spawn_seconds",
          "read_latency_nanos",
          "fault_picos"
        }) {
      assertThat(Direction.of(name)).as(name).isEqualTo(Direction.LOWER_IS_FASTER);
    }
  }

  @Test
  void troubleIsLowerIsBetter() {
    for (String name :
        new String[] {
          "guestbench_net_rr_loss_ratio",
          "guestbench_net_udp_loss_ratio",
          "guestbench_net_udp_reordered_ratio",
          "guestbench_net_udp_jitter_seconds",
          "jitter_nanos",
          "guestbench_net_stream_retransmitted_segments",
          "guestbench_net_udp_duplicate_datagrams",
          "guestbench_os_syscall_cov_ratio",
          "guestbench_timer_resolution_seconds"
        }) {
      assertThat(Direction.of(name)).as(name).isEqualTo(Direction.LOWER_IS_BETTER);
    }
  }

  @Test
  void settingsFlagsAndStrangersAreUnknown() {
    for (String name :
        new String[] {
          "guestbench_net_udp_sent_bytes_per_second", // the offered rate, set by config
          "guestbench_timer_syscall_fallback",
          "guestbench_agent_uptime",
          "size_bytes",
          "persecond"
        }) {
      assertThat(Direction.of(name)).as(name).isEqualTo(Direction.UNKNOWN);
    }
  }
}
