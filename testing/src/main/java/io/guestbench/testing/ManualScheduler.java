package io.guestbench.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduled executor driven by a {@link ManualClock}: nothing runs until the test calls {@link
 * #advance}, which moves the clock task by task and runs each due task on the calling thread, in
 * time order (ties in submission order), like a single-threaded scheduler would.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final ManualClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long sequence;
  private boolean shutdown;

  public ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  /** Moves the clock forward by {@code step}, running every task that falls due on the way. */
  public void advance(Duration step) {
    long target = clock.monotonicNanos() + step.toNanos();
    while (true) {
      Task<?> next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.time > target) {
          break;
        }
        queue.poll();
      }
      if (next.time > clock.monotonicNanos()) {
        clock.advance(Duration.ofNanos(next.time - clock.monotonicNanos()));
      }
      next.run();
    }
    if (target > clock.monotonicNanos()) {
      clock.advance(Duration.ofNanos(target - clock.monotonicNanos()));
    }
  }

  /** Runs whatever is due now. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** Tasks waiting, periodic ones included. */
  public synchronized int queued() {
    return (int) queue.stream().filter(t -> !t.isCancelled()).count();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(new Task<>(Executors.callable(command, null), unit.toNanos(delay), 0));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(new Task<>(callable, unit.toNanos(delay), 0));
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return enqueue(
        new Task<>(
            Executors.callable(command, null), unit.toNanos(initialDelay), unit.toNanos(period)));
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return enqueue(
        new Task<>(
            Executors.callable(command, null), unit.toNanos(initialDelay), -unit.toNanos(delay)));
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(queue);
    queue.clear();
    return left;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && queue.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private synchronized <V> Task<V> enqueue(Task<V> task) {
    if (shutdown) {
      throw new RejectedExecutionException("shut down");
    }
    queue.add(task);
    return task;
  }

  private final class Task<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {
    private final long seq;
    private final long period; // 0: once; > 0: fixed rate; < 0: fixed delay
    private long time;

    Task(Callable<V> callable, long delayNanos, long period) {
      super(callable);
      this.time = clock.monotonicNanos() + Math.max(0, delayNanos);
      this.period = period;
      synchronized (ManualScheduler.this) {
        this.seq = sequence++;
      }
    }

    @Override
    public void run() {
      if (period == 0) {
        super.run();
      } else if (runAndReset()) {
        time = period > 0 ? time + period : clock.monotonicNanos() - period;
        synchronized (ManualScheduler.this) {
          if (!shutdown) {
            queue.add(this);
          }
        }
      }
    }

    @Override
    public boolean isPeriodic() {
      return period != 0;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(time - clock.monotonicNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      Task<?> o = (Task<?>) other;
      int byTime = Long.compare(time, o.time);
      return byTime != 0 ? byTime : Long.compare(seq, o.seq);
    }
  }
}
