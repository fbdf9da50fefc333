package io.guestbench.agent.probe.net.client;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Sets the calling thread's timer slack to 1 ns with {@code prctl(PR_SET_TIMERSLACK)}. Linux lets a
 * sleeping thread's timers fire up to its slack late, 50 µs by default, and Netty's event loop
 * sleeps in {@code epoll_pwait2}: without this, every paced send would leave about 50 µs late. Best
 * effort: elsewhere, or without native access, nothing changes.
 */
final class TimerSlack {
  private static final int PR_SET_TIMERSLACK = 29;
  private static final MethodHandle PRCTL = prctl();

  /**
   * How long before a paced send the loop stops sleeping and polls instead (a zero-delay task, so
   * reads are still served in between). A sleeping thread on a virtual machine wakes tens of
   * microseconds late even with no slack; sockperf's pacing busy-waits for the same reason.
   */
  static final long POLL_NANOS = 100_000;

  private TimerSlack() {}

  /** The delay to schedule the next paced tick with, {@code nanos} before it is due. */
  static long delay(long nanos) {
    return nanos > POLL_NANOS ? nanos - POLL_NANOS : 0;
  }

  /** True when the slack is now 1 ns. */
  static boolean minimize() {
    if (PRCTL == null) {
      return false;
    }
    try {
      return (int) PRCTL.invokeExact(PR_SET_TIMERSLACK, 1L) == 0;
    } catch (Throwable e) {
      return false; // a pacing timer that fires late shows up in the figures; nothing breaks
    }
  }

  private static MethodHandle prctl() {
    try {
      Linker linker = Linker.nativeLinker();
      return linker
          .defaultLookup()
          .find("prctl")
          .map(
              address ->
                  linker.downcallHandle(
                      address,
                      FunctionDescriptor.of(
                          ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
                      Linker.Option.firstVariadicArg(1)))
          .orElse(null);
    } catch (RuntimeException | Error e) {
      return null; // not Linux, or native access denied
    }
  }
}
