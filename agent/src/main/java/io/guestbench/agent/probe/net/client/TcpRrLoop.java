package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.TcpRetransmits;
import io.guestbench.agent.probe.net.wire.TestRequest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * TCP request/response on one connection. Closed loop: the next request goes out as soon as the
 * response to the last arrives, timed from its actual send. Open loop: requests leave on a fixed
 * schedule whatever the responses do, and each is timed from when it was meant to leave, so a stall
 * shows up in every request it delays (no coordinated omission). Responses come back in order, so a
 * ring of send times matches them up.
 */
final class TcpRrLoop extends ClientData implements RrDriver {
  /** Requests in flight at most (open loop); more means the peer cannot keep up with the rate. */
  static final int RING = 1 << 16;

  private final TestRequest request;
  private final long periodNanos;
  private final RrRecorder recorder = new RrRecorder();
  private final long[] sentAt = new long[RING];
  private ByteBuf frame;
  private ChannelHandlerContext ctx;
  private long sent;
  private long answered;
  private long next;
  private ScheduledFuture<?> tick;
  private long retransmitsAtStart = -1;

  TcpRrLoop(Watch watch, TestRequest request) {
    super(watch);
    this.request = request;
    this.periodNanos = request.rate() == 0 ? 0 : Math.max(1, 1_000_000_000L / request.rate());
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    ctx = context;
    frame = Frames.filled(context.alloc(), FrameType.REQUEST, request.messageBytes());
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext context) {
    frame.release();
  }

  @Override
  int maxData(FrameType type) {
    return type == FrameType.RESPONSE ? request.responseBytes() : -1;
  }

  @Override
  public RrRecorder recorder() {
    return recorder;
  }

  @Override
  public void start() {
    ctx.executor()
        .execute(
            () -> {
              if (periodNanos == 0) {
                send(System.nanoTime());
                ctx.flush();
              } else {
                next = System.nanoTime();
                tick();
              }
            });
  }

  /** Marks the start of the measured time; the retransmit count is taken with it. */
  @Override
  public void measure() {
    ctx.executor().execute(() -> retransmitsAtStart = TcpRetransmits.total(List.of(ctx.channel())));
    recorder.measure();
  }

  @Override
  public void stop() {
    ctx.executor()
        .execute(
            () -> {
              if (tick != null) {
                tick.cancel(false);
              }
              long now = TcpRetransmits.total(List.of(ctx.channel()));
              recorder.stop(TcpRetransmits.delta(retransmitsAtStart, now));
            });
  }

  private void send(long at) {
    sentAt[(int) (sent++ & (RING - 1))] = at;
    ctx.write(frame.retainedDuplicate(), ctx.voidPromise());
  }

  private void tick() {
    long now = System.nanoTime();
    while (next - now <= 0 && !recorder.stopped()) {
      if (sent - answered >= RING) {
        fail(
            "the peer could not keep up with "
                + request.rate()
                + " requests/s: "
                + RING
                + " requests were in flight");
        return;
      }
      send(next);
      next += periodNanos;
    }
    ctx.flush();
    if (!recorder.stopped()) {
      long wait = TimerSlack.delay(next - System.nanoTime());
      tick = ctx.executor().schedule(this::tick, wait, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void frameEnd(ChannelHandlerContext context, FrameType type) {
    long now = System.nanoTime();
    long at = sentAt[(int) (answered++ & (RING - 1))];
    boolean more = recorder.answered(at, now);
    if (periodNanos == 0 && more) {
      send(System.nanoTime());
      ctx.flush();
    }
  }
}
