package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.ControlCodec;
import io.guestbench.agent.probe.net.wire.FrameReader;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;

/**
 * Connect, request, response, close, one transaction at a time (netperf's TCP_CRR): each
 * transaction is timed from the connect call until its connection is closed. The peer closes first,
 * so TIME_WAIT builds up on its side and this side's ports are not exhausted.
 */
final class CrrLoop implements RrDriver {
  private final TestSession session;
  private final InetSocketAddress peer;
  private final EventLoop loop;
  private final RrRecorder recorder = new RrRecorder();
  private final Bootstrap bootstrap;

  CrrLoop(TestSession session) {
    this.session = session;
    this.peer = new InetSocketAddress(session.target.peer().host(), session.target.peer().port());
    this.loop = session.group.next();
    this.bootstrap = session.base.clone();
  }

  @Override
  public RrRecorder recorder() {
    return recorder;
  }

  @Override
  public void start() {
    loop.execute(this::next);
  }

  @Override
  public void stop() {
    loop.execute(() -> recorder.stop(-1));
  }

  private void next() {
    if (recorder.stopped()) {
      return;
    }
    long start = System.nanoTime();
    Connection connection = new Connection(start);
    bootstrap
        .clone()
        .handler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                ch.pipeline()
                    .addLast(new FrameReader(connection, connection::maxPayload), connection);
              }
            })
        .connect(peer)
        .addListener(
            f -> {
              if (!f.isSuccess() && !recorder.stopped()) {
                connection.fail(
                    "cannot connect to "
                        + session.target.address()
                        + ": "
                        + Connections.reason(f.cause()));
              }
            });
  }

  /** One transaction's connection. */
  private final class Connection extends ClientData {
    private final long start;
    private boolean answered;

    Connection(long start) {
      super(session.watch);
      this.start = start;
    }

    @Override
    int maxData(FrameType type) {
      return type == FrameType.RESPONSE ? session.request.responseBytes() : -1;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      // The join and the request leave in one segment: no extra round trip is measured.
      ctx.write(ControlCodec.encode(ctx.alloc(), new Control.Join(session.testId(), 0)));
      ctx.write(Frames.filled(ctx.alloc(), FrameType.REQUEST, session.request.messageBytes()));
      ctx.flush();
    }

    @Override
    public void frameEnd(ChannelHandlerContext ctx, FrameType type) {
      answered = true;
      closing();
      ctx.close()
          .addListener(
              f -> {
                if (recorder.answered(start, System.nanoTime())) {
                  next();
                }
              });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (!answered && !recorder.stopped()) {
        fail("the peer closed a connection before answering its request");
      }
    }
  }
}
