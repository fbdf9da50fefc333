package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.MethodProbes.cov;
import static io.guestbench.collector.metrics.MethodProbes.histogram;
import static io.guestbench.collector.metrics.MethodProbes.params;
import static io.guestbench.collector.metrics.MethodProbes.seconds;

import io.guestbench.proto.v1.ProbeKind;
import java.util.List;

/** Catalogue entries of the OS micro-probes, where virtualization overhead shows. */
final class OsProbes {
  private OsProbes() {}

  /** {@code os.clock_read}: what reading one clock costs, its step, and whether it is a syscall. */
  static ProbeSpec clockRead() {
    List<ParamSpec> params =
        params(
            ParamSpec.label(
                "clock",
                "nanotime|currenttimemillis|monotonic|realtime|monotonic_raw|monotonic_coarse"));
    return new ProbeSpec(
        ProbeKind.PROBE_KIND_OS,
        "clock_read",
        params,
        List.of(
            seconds(
                "read_seconds",
                "guestbench_timer_read_seconds",
                "Mean time to read the clock in the last ok run of the clock-read probe; for"
                    + " clock_gettime clocks net of a baseline FFM call (see"
                    + " guestbench_timer_ffm_call_seconds).",
                params),
            seconds(
                "resolution_seconds",
                "guestbench_timer_resolution_seconds",
                "Smallest step between two consecutive reads of the clock in the last ok run: its"
                    + " tick for a coarse clock, at least its read cost for a fine one.",
                params),
            MethodProbes.gauge(
                "syscall_fallback",
                "guestbench_timer_syscall_fallback",
                "1 when reads of the clock in the last ok run look like system calls (over 150 ns,"
                    + " or a xen, hpet or acpi_pm clocksource), else 0.",
                null,
                params),
            seconds(
                "ffm_call_seconds",
                "guestbench_timer_ffm_call_seconds",
                "Mean time of the baseline FFM call (sigismember, the same shape of call) the"
                    + " clock_gettime reads were measured against in the last ok run.",
                params),
            cov("guestbench_timer_read_cov_ratio", "the clock-read probe", params)),
        List.of(
            histogram(
                "read_picos",
                "guestbench_timer_read_duration_seconds",
                "clock read (for clock_gettime clocks including the FFM call)",
                params,
                Buckets.oneTwoFive(-9, -5))));
  }

  /** {@code os.syscall}: getppid through FFM, net of a baseline FFM call. */
  static ProbeSpec syscall() {
    List<ParamSpec> params = params();
    return new ProbeSpec(
        ProbeKind.PROBE_KIND_OS,
        "syscall",
        params,
        List.of(
            seconds(
                "syscall_seconds",
                "guestbench_os_syscall_seconds",
                "Mean cost of a null system call (getppid through FFM, net of a baseline FFM call"
                    + " to getpagesize) in the last ok run of the syscall probe.",
                params),
            seconds(
                "ffm_call_seconds",
                "guestbench_os_syscall_ffm_call_seconds",
                "Mean time of the baseline FFM call (getpagesize) in the last ok run of the"
                    + " syscall probe.",
                params),
            cov("guestbench_os_syscall_cov_ratio", "the syscall probe", params)),
        List.of(
            histogram(
                "call_picos",
                "guestbench_os_syscall_call_duration_seconds",
                "getppid call through FFM (the baseline call not subtracted)",
                params,
                Buckets.oneTwoFive(-9, -4))));
  }

  /** {@code os.page_fault}: first write to fresh anonymous memory, per 4 KiB page. */
  static ProbeSpec pageFault() {
    List<ParamSpec> params =
        params(
            ParamSpec.label("hugepages", "off|system"),
            ParamSpec.label("thp", "always|madvise|never|unknown"),
            MethodProbes.bytes("region_bytes"));
    return timed(
        "page_fault",
        "fault_picos",
        "guestbench_os_page_fault",
        "page fault: the first write to a 4 KiB page of freshly mmap'ed memory (hugepages=off"
            + " advises against huge pages; thp is the host's mode)",
        params,
        Buckets.oneTwoFive(-8, -3));
  }

  /** {@code os.spawn}: /bin/true from start to exit. */
  static ProbeSpec spawn() {
    return timed(
        "spawn",
        "spawn_picos",
        "guestbench_os_spawn",
        "process spawn: /bin/true started through ProcessBuilder until its exit is seen",
        params(),
        Buckets.oneTwoFive(-5, 0));
  }

  /** {@code os.context_switch}: a token handed between two threads. */
  static ProbeSpec contextSwitch() {
    return timed(
        "context_switch",
        "switch_picos",
        "guestbench_os_context_switch",
        "thread context switch: one handoff of a token between two threads (pin=same_cpu: both"
            + " on one CPU)",
        params(ParamSpec.label("pin", "same_cpu|none")),
        Buckets.oneTwoFive(-8, -2));
  }

  /** A probe with a mean-seconds gauge, a CoV gauge and a histogram, named {@code prefix_...}. */
  private static ProbeSpec timed(
      String name,
      String distribution,
      String prefix,
      String what,
      List<ParamSpec> params,
      double[] bounds) {
    String scalar = distribution.replace("_picos", "_seconds");
    return new ProbeSpec(
        ProbeKind.PROBE_KIND_OS,
        name,
        params,
        List.of(
            seconds(
                scalar,
                prefix + "_seconds",
                "Mean time per " + what + ", in the last ok run.",
                params),
            cov(prefix + "_cov_ratio", "the " + name + " probe", params)),
        List.of(histogram(distribution, prefix + "_duration_seconds", what, params, bounds)));
  }
}
