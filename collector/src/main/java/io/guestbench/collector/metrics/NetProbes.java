package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.ProbeKind;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalogue entries of the network probes. Throughput is in bytes per second, sent and received
 * apart, each measured where the bytes arrive; net.rr and net.crr share the round-trip families,
 * told apart by {@code mode} (tcp_rr, udp_rr, tcp_crr).
 */
final class NetProbes {
  /** A peer as {@code host:port}, IPv6 literals in brackets. */
  static final String PEER = "[A-Za-z0-9._:\\[\\]-]{1,128}";

  private static final String BYTES = "[1-9][0-9]{0,7}";

  /** Labels of the request/response families, in order: the same for both of their probes. */
  private static final List<String> RR_LABELS =
      ProbeSpec.valueLabelNames(rrParams("tcp_rr|udp_rr"));

  private static final Family TRANSACTIONS =
      new Family(
          "guestbench_net_transactions_per_second",
          MetricType.GAUGE,
          "Request/response transactions per second in the last ok run of a network"
              + " request/response probe (mode tcp_rr, udp_rr, or tcp_crr: connect, request,"
              + " response, close), over its measured time after a warm-up.",
          null,
          RR_LABELS);

  private static final Family RTT =
      new Family(
          "guestbench_net_rtt_seconds",
          MetricType.HISTOGRAM,
          "Round-trip time of each measured transaction of the network request/response probes,"
              + " over all ok runs; open loop (loop=\"open\") times each from its intended send"
              + " time, so stalls are not hidden by coordinated omission.",
          Unit.SECONDS,
          RR_LABELS);

  private NetProbes() {}

  /** {@code net.stream}: TCP throughput over parallel connections. */
  static ProbeSpec stream() {
    List<ParamSpec> params =
        common(
            ParamSpec.label("direction", "send|receive|both"),
            ParamSpec.label("streams", "[1-9]|[1-5][0-9]|6[0-4]"),
            ParamSpec.setting("message_bytes", BYTES),
            ParamSpec.setting("interval", CpuProbes.DURATION));
    List<String> labels = ProbeSpec.valueLabelNames(params);
    return new ProbeSpec(
        ProbeKind.PROBE_KIND_NET,
        "stream",
        params,
        List.of(
            new GaugeSpec("bytes_sent_per_second", throughput("stream", "sent", labels)),
            new GaugeSpec("bytes_received_per_second", throughput("stream", "received", labels)),
            new GaugeSpec(
                "retransmitted_segments",
                gauge(
                    "guestbench_net_stream_retransmitted_segments",
                    "TCP segments both ends retransmitted during the measured time of the last ok"
                        + " net.stream run, from TCP_INFO (or this host's /proc/net/snmp where"
                        + " TCP_INFO is unreadable).",
                    null,
                    labels))),
        List.of(
            intervals("interval_sent_bytes_per_second", "sent", labels),
            intervals("interval_received_bytes_per_second", "received", labels)));
  }

  /** {@code net.rr}: TCP or UDP request/response. */
  static ProbeSpec rr() {
    List<ParamSpec> params = rrParams("tcp_rr|udp_rr");
    List<String> labels = ProbeSpec.valueLabelNames(params);
    return new ProbeSpec(
        ProbeKind.PROBE_KIND_NET,
        "rr",
        params,
        List.of(
            new GaugeSpec("transactions_per_second", TRANSACTIONS),
            new GaugeSpec(
                "loss_ratio",
                gauge(
                    "guestbench_net_rr_loss_ratio",
                    "Fraction (0..1) of measured UDP requests whose response did not come back"
                        + " within 500 ms in the last ok net.rr run with mode udp_rr.",
                    Unit.RATIO,
                    labels)),
            new GaugeSpec(
                "retransmitted_segments",
                gauge(
                    "guestbench_net_rr_retransmitted_segments",
                    "TCP segments both ends retransmitted during the measured time of the last ok"
                        + " net.rr run with mode tcp_rr, from TCP_INFO.",
                    null,
                    labels))),
        List.of(new HistogramSpec("rtt_nanos", RTT, 1e9, Buckets.oneTwoFive(-6, 1))));
  }

  /** {@code net.crr}: a new TCP connection per request/response. */
  static ProbeSpec crr() {
    return new ProbeSpec(
        ProbeKind.PROBE_KIND_NET,
        "crr",
        rrParams("tcp_crr"),
        List.of(new GaugeSpec("transactions_per_second", TRANSACTIONS)),
        List.of(new HistogramSpec("rtt_nanos", RTT, 1e9, Buckets.oneTwoFive(-6, 1))));
  }

  /** {@code net.udp}: a UDP stream at a target rate; loss, reordering and jitter at the peer. */
  static ProbeSpec udp() {
    List<ParamSpec> params =
        common(
            ParamSpec.label("bitrate", "[1-9][0-9]{0,11}"),
            ParamSpec.label("datagram_bytes", "[1-9][0-9]{1,4}"));
    List<String> labels = ProbeSpec.valueLabelNames(params);
    return new ProbeSpec(
        ProbeKind.PROBE_KIND_NET,
        "udp",
        params,
        List.of(
            new GaugeSpec("bytes_sent_per_second", throughput("udp", "sent", labels)),
            new GaugeSpec("bytes_received_per_second", throughput("udp", "received", labels)),
            new GaugeSpec(
                "loss_ratio",
                gauge(
                    "guestbench_net_udp_loss_ratio",
                    "Fraction (0..1) of the measured datagrams of the last ok net.udp run that"
                        + " never reached the peer.",
                    Unit.RATIO,
                    labels)),
            new GaugeSpec(
                "reordered_ratio",
                gauge(
                    "guestbench_net_udp_reordered_ratio",
                    "Fraction (0..1) of the datagrams that reached the peer in the last ok net.udp"
                        + " run after one with a higher sequence number.",
                    Unit.RATIO,
                    labels)),
            new GaugeSpec(
                "duplicate_datagrams",
                gauge(
                    "guestbench_net_udp_duplicate_datagrams",
                    "Extra copies of datagrams the peer received in the last ok net.udp run.",
                    null,
                    labels)),
            new GaugeSpec(
                "jitter_nanos",
                gauge(
                    "guestbench_net_udp_jitter_seconds",
                    "Interarrival jitter at the peer at the end of the last ok net.udp run, by"
                        + " the RFC 3550 estimator J += (|D| - J) / 16 over the measured"
                        + " datagrams.",
                    Unit.SECONDS,
                    labels),
                1e9)),
        List.of());
  }

  /** The parameters of net.rr and net.crr; only the {@code mode} values differ. */
  private static List<ParamSpec> rrParams(String modes) {
    return common(
        ParamSpec.label("mode", modes),
        ParamSpec.label("request_bytes", BYTES),
        ParamSpec.label("response_bytes", BYTES),
        ParamSpec.label("loop", "closed|open"),
        ParamSpec.setting("rate", "[1-9][0-9]{0,6}"));
  }

  /** The parameters every network probe's results carry, then the probe's own. */
  private static List<ParamSpec> common(ParamSpec... own) {
    List<ParamSpec> params = new ArrayList<>();
    params.add(ParamSpec.setting("peer", PEER));
    params.add(ParamSpec.setting("warmup", CpuProbes.DURATION));
    params.add(ParamSpec.setting("duration", CpuProbes.DURATION));
    params.addAll(List.of(own));
    return params;
  }

  private static Family throughput(String probe, String direction, List<String> labels) {
    String what =
        switch (probe + " " + direction) {
          case "stream sent" -> "from this agent to its peer, counted by the peer as they arrived,";
          case "stream received" -> "from its peer to this agent, counted as they arrived,";
          case "udp sent" -> "this agent sent to its peer (the offered rate)";
          default -> "of the datagrams this agent sent that reached its peer";
        };
    return gauge(
        "guestbench_net_" + probe + "_" + direction + "_bytes_per_second",
        "Payload bytes per second "
            + what
            + " in the last ok net."
            + probe
            + " run, over the measured time after a warm-up.",
        null,
        labels);
  }

  private static HistogramSpec intervals(
      String distribution, String direction, List<String> labels) {
    Family family =
        new Family(
            "guestbench_net_stream_interval_" + direction + "_bytes_per_second",
            MetricType.HISTOGRAM,
            "Throughput of each full interval (1 s by default) of the measured time of net.stream,"
                + " "
                + direction
                + ", over all ok runs: how steady the rate was, not only its average.",
            null,
            labels);
    return new HistogramSpec(distribution, family, 1, Buckets.oneTwoFive(3, 11));
  }

  private static Family gauge(String name, String help, Unit unit, List<String> labels) {
    return new Family(name, MetricType.GAUGE, help, unit, labels);
  }
}
