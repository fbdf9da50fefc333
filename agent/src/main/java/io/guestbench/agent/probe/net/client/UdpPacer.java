package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.Datagrams;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.PortUnreachableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends UDP stream datagrams at a fixed rate: on each tick, every datagram whose time has come (at
 * most a bounded burst, so the event loop stays responsive), then sleep until the next one is due.
 * Each datagram carries its send time for the receiver's jitter estimate.
 */
final class UdpPacer extends ChannelInboundHandlerAdapter {
  /** Datagrams sent in one go at most before the loop looks at other work. */
  static final int BURST = 256;

  private final Watch watch;
  private final long testId;
  private final int size;
  private final double datagramsPerNano;
  private final CompletableFuture<Long> done = new CompletableFuture<>();
  private volatile boolean measuring;
  private ChannelHandlerContext ctx;
  private long start;
  private long sent;
  private long measuredFrom = -1;
  private boolean stopped;
  private ScheduledFuture<?> tick;

  UdpPacer(Watch watch, long testId, int size, long bitsPerSecond) {
    this.watch = watch;
    this.testId = testId;
    this.size = size;
    this.datagramsPerNano = bitsPerSecond / 8.0 / size / 1e9;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    ctx = context;
  }

  void start() {
    ctx.executor()
        .execute(
            () -> {
              start = System.nanoTime();
              tick();
            });
  }

  /** From the next datagram on, datagrams are measured, numbered from 0. Any thread. */
  void measure() {
    measuring = true;
  }

  /** Stops; the future holds the measured datagrams sent and the measured nanoseconds. */
  CompletableFuture<Long> stop() {
    ctx.executor()
        .execute(
            () -> {
              stopped = true;
              if (tick != null) {
                tick.cancel(false);
              }
              long measured = measuredFrom < 0 ? 0 : sent - measuredFrom;
              done.complete(measured);
            });
    return done;
  }

  private void tick() {
    long now = System.nanoTime();
    if (measuring && measuredFrom < 0) {
      // The measured window is paced from its own start: a backlog left by a stall during the
      // warm-up would otherwise be sent inside it and inflate the measured rate.
      measuredFrom = sent;
      start = now;
    }
    long base = Math.max(measuredFrom, 0);
    long due = base + (long) ((now - start) * datagramsPerNano) + 1;
    int burst = 0;
    while (sent < due && burst < BURST && !stopped) {
      ByteBuf d = ctx.alloc().directBuffer(size);
      long seq = measuredFrom < 0 ? sent : sent - measuredFrom;
      Datagrams.writeStream(d, testId, measuredFrom >= 0, seq, System.nanoTime(), size);
      ctx.write(d, ctx.voidPromise());
      sent++;
      burst++;
    }
    ctx.flush();
    if (stopped) {
      return;
    }
    long nextDue = start + (long) Math.ceil((sent - base) / datagramsPerNano);
    long wait = sent < due ? 0 : nextDue - System.nanoTime();
    tick = ctx.executor().schedule(this::tick, TimerSlack.delay(wait), TimeUnit.NANOSECONDS);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    if (cause instanceof PortUnreachableException) {
      watch.fail("the peer's UDP port does not answer (ICMP port unreachable)");
    }
    // A full send buffer drops a datagram here; the receiver counts it as lost, as iperf3 does.
  }
}
