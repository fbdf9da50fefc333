package io.guestbench.agent.probe.net.wire;

import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.epoll.EpollTcpInfo;
import java.util.Collection;

/**
 * Segments the kernel retransmitted on a set of connections, from {@code getsockopt(TCP_INFO)}'s
 * {@code tcpi_total_retrans} through Netty's native transport. Unknown (-1) under NIO, which cannot
 * reach the socket option.
 */
public final class TcpRetransmits {
  private TcpRetransmits() {}

  /** The sum over {@code channels}, or -1 when any of them cannot say. */
  public static long total(Collection<? extends Channel> channels) {
    long sum = 0;
    for (Channel channel : channels) {
      if (!(channel instanceof EpollSocketChannel epoll) || !epoll.isOpen()) {
        return -1;
      }
      try {
        EpollTcpInfo info = epoll.tcpInfo();
        sum += info.totalRetrans();
      } catch (RuntimeException e) {
        return -1; // closed between the check and the call
      }
    }
    return sum;
  }

  /** {@code after - before}, or -1 when either is unknown. */
  public static long delta(long before, long after) {
    return before < 0 || after < 0 || after < before ? -1 : after - before;
  }
}
