package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.ControlCodec;
import io.guestbench.agent.probe.net.wire.FrameListener;
import io.guestbench.agent.probe.net.wire.FrameReader;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.Violation;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The client's control connection: messages are sent from the probe thread and received by it with
 * a bound on every wait. Bytes that are not our protocol, or the connection closing, end up as a
 * one-line failure that says what the other side seems to be.
 */
final class ControlLink extends ChannelInboundHandlerAdapter implements FrameListener {
  private sealed interface Event {}

  private record Message(Control control) implements Event {}

  private record Broken(Violation violation, String preview) implements Event {}

  private record Closed() implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final String address;
  private final Watch watch;
  private volatile boolean closing;
  private Channel channel;

  private ControlLink(String address, Watch watch) {
    this.address = address;
    this.watch = watch;
  }

  /** Connects, waiting at most {@code timeoutNanos}. */
  static ControlLink connect(Bootstrap base, NetTarget target, Watch watch, long timeoutNanos)
      throws PeerFailure, InterruptedException {
    ControlLink link = new ControlLink(target.address(), watch);
    Bootstrap b =
        base.clone()
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new FrameReader(link, ControlLink::maxPayload), link);
                  }
                });
    link.channel = Connections.connect(b, target, timeoutNanos);
    return link;
  }

  private static int maxPayload(FrameType type) {
    return type.control() ? Frames.MAX_CONTROL_BYTES : -1;
  }

  void send(Control message) {
    channel.writeAndFlush(ControlCodec.encode(channel.alloc(), message));
  }

  /** The next message; waits at most {@code timeoutNanos}, saying what it waited for. */
  Control receive(long timeoutNanos, String waitingFor) throws PeerFailure, InterruptedException {
    Event event = events.poll(timeoutNanos, TimeUnit.NANOSECONDS);
    return switch (event) {
      case null ->
          throw new PeerFailure(
              address
                  + " did not "
                  + waitingFor
                  + " within "
                  + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                  + " ms");
      case Message m -> m.control();
      case Broken b -> throw new PeerFailure(notOurs(b));
      case Closed c ->
          throw new PeerFailure(address + " closed the connection instead of answering");
    };
  }

  private String notOurs(Broken b) {
    String said = b.preview().isEmpty() ? "" : ": it answered \"" + b.preview() + "\"";
    return switch (b.violation()) {
      case BAD_VERSION -> address + " speaks another guestbench protocol revision";
      default -> address + " is not a guestbench peer (" + b.violation().label() + ")" + said;
    };
  }

  void close() {
    closing = true;
    channel.close().awaitUninterruptibly(1000);
  }

  @Override
  public void control(ChannelHandlerContext ctx, Control message) {
    events.add(new Message(message));
  }

  @Override
  public void payload(ChannelHandlerContext ctx, FrameType type, int bytes) {}

  @Override
  public void frameEnd(ChannelHandlerContext ctx, FrameType type) {}

  @Override
  public void violation(ChannelHandlerContext ctx, Violation violation, String preview) {
    events.add(new Broken(violation, preview));
    watch.fail(notOurs(new Broken(violation, preview)));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    events.add(new Closed());
    if (!closing) {
      watch.fail(address + " closed the control connection during the test");
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // reported as the connection closing
  }
}
