package io.guestbench.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the agent streams to and how it behaves on the stream.
 *
 * @param host collector host name or address
 * @param port collector gRPC port
 * @param plaintext true when the operator chose an unencrypted connection explicitly
 * @param reconnectInitial first reconnect delay; doubles up to {@code reconnectMax}, jittered
 * @param reconnectMax longest reconnect delay
 * @param heartbeatInterval how often a Heartbeat is sent
 * @param maxInFlightBatches batches sent but not yet acknowledged, at most
 */
public record CollectorTarget(
    String host,
    int port,
    boolean plaintext,
    Duration reconnectInitial,
    Duration reconnectMax,
    Duration heartbeatInterval,
    int maxInFlightBatches) {
  public CollectorTarget {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
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
        plaintext,
        reconnectInitial,
        reconnectMax,
        heartbeatInterval,
        maxInFlightBatches);
  }
}
