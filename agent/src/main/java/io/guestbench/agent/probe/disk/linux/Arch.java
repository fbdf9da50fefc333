package io.guestbench.agent.probe.disk.linux;

import java.util.Optional;

/**
 * The Linux ABI numbers that differ between the architectures the disk probe supports: the O_DIRECT
 * flag and the native AIO system call numbers (from the kernel's {@code
 * arch/x86/entry/syscalls/syscall_64.tbl} and {@code include/uapi/asm-generic/unistd.h}).
 */
public enum Arch {
  X86_64(0x4000, 206, 207, 208, 209),
  AARCH64(0x10000, 0, 1, 4, 2);

  private final int oDirect;
  private final long ioSetup;
  private final long ioDestroy;
  private final long ioGetevents;
  private final long ioSubmit;

  Arch(int oDirect, long ioSetup, long ioDestroy, long ioGetevents, long ioSubmit) {
    this.oDirect = oDirect;
    this.ioSetup = ioSetup;
    this.ioDestroy = ioDestroy;
    this.ioGetevents = ioGetevents;
    this.ioSubmit = ioSubmit;
  }

  /** The architecture for a Java {@code os.arch} value, or empty when the probe has no numbers. */
  public static Optional<Arch> of(String osArch) {
    return switch (osArch) {
      case "amd64", "x86_64" -> Optional.of(X86_64);
      case "aarch64", "arm64" -> Optional.of(AARCH64);
      default -> Optional.empty();
    };
  }

  /**
   * This machine's architecture, or why the disk probe cannot run here: it needs Linux system calls
   * whose numbers it knows.
   */
  public static Optional<Arch> current() {
    if (!System.getProperty("os.name", "").equals("Linux")) {
      return Optional.empty();
    }
    return of(System.getProperty("os.arch", ""));
  }

  public int oDirect() {
    return oDirect;
  }

  public long ioSetup() {
    return ioSetup;
  }

  public long ioDestroy() {
    return ioDestroy;
  }

  public long ioGetevents() {
    return ioGetevents;
  }

  public long ioSubmit() {
    return ioSubmit;
  }
}
