package io.guestbench.agent.probe.net.wire;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;

/**
 * The Netty transport both sides use: native epoll where the native library loads (Linux), else the
 * JDK's NIO. Epoll saves a copy per read and reads TCP_INFO for retransmissions.
 */
public enum Transport {
  EPOLL,
  NIO;

  /** Epoll when it is available here, NIO otherwise. */
  public static Transport best() {
    return Epoll.isAvailable() ? EPOLL : NIO;
  }

  /** A named group of {@code threads} event loops; daemon threads, so none outlives the agent. */
  public EventLoopGroup group(int threads, String name) {
    IoHandlerFactory io =
        switch (this) {
          case EPOLL -> EpollIoHandler.newFactory();
          case NIO -> NioIoHandler.newFactory();
        };
    return new MultiThreadIoEventLoopGroup(
        threads, Thread.ofPlatform().name(name + "-", 0).daemon().factory(), io);
  }

  public Class<? extends ServerChannel> serverChannel() {
    return switch (this) {
      case EPOLL -> EpollServerSocketChannel.class;
      case NIO -> NioServerSocketChannel.class;
    };
  }

  public Class<? extends SocketChannel> socketChannel() {
    return switch (this) {
      case EPOLL -> EpollSocketChannel.class;
      case NIO -> NioSocketChannel.class;
    };
  }

  public Class<? extends DatagramChannel> datagramChannel() {
    return switch (this) {
      case EPOLL -> EpollDatagramChannel.class;
      case NIO -> NioDatagramChannel.class;
    };
  }

  /** {@code epoll} or {@code nio}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
