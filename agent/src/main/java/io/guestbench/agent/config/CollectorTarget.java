package io.guestbench.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the agent streams to and how it behaves on the stream.
 *
 * @param host collector host name or address
 * @param port collector gRPC port
 * @param security TLS, client credentials, or plaintext chosen explicitly
 * @param reconnectInitial first reconnect delay; doubles up to {@code reconnectMax}, jittered
 * @param reconnectMax longest reconnect delay
 * @param heartbeatInterval how often a Heartbeat is sent
 * @param maxInFlightBatches batches sent but not yet acknowledged, at most
 * @param maxStreamLifetime a stream is replaced after about this long (±10%), so agents spread over
 *     collector replicas again after one restarts or joins
 */
public record CollectorTarget(
    String host,
    int port,
    ClientSecurity security,
    Duration reconnectInitial,
    Duration reconnectMax,
    Duration heartbeatInterval,
    int maxInFlightBatches,
    Duration maxStreamLifetime) {
  public CollectorTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(maxStreamLifetime, "maxStreamLifetime");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
  }

  /** Default stream lifetime: short enough to rebalance within the hour, long enough to be rare. */
  public static final Duration DEFAULT_STREAM_LIFETIME = Duration.ofMinutes(30);

  /** The settings with the default stream lifetime. */
  public CollectorTarget(
      String host,
      int port,
      ClientSecurity security,
      Duration reconnectInitial,
      Duration reconnectMax,
      Duration heartbeatInterval,
      int maxInFlightBatches) {
    this(
        host,
        port,
        security,
        reconnectInitial,
        reconnectMax,
        heartbeatInterval,
        maxInFlightBatches,
        DEFAULT_STREAM_LIFETIME);
  }

  /** The same settings with another stream lifetime. */
  public CollectorTarget withMaxStreamLifetime(Duration lifetime) {
    return new CollectorTarget(
        host,
        port,
        security,
        reconnectInitial,
        reconnectMax,
        heartbeatInterval,
        maxInFlightBatches,
        lifetime);
  }

  /** {@code host:port}, with brackets around IPv6 literals. */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** The same settings aimed at another address. */
  public CollectorTarget at(String newHost, int newPort) {
    return new CollectorTarget(
        newHost,
        newPort,
        security,
        reconnectInitial,
        reconnectMax,
        heartbeatInterval,
        maxInFlightBatches,
        maxStreamLifetime);
  }
}
