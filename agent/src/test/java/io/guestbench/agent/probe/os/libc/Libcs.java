package io.guestbench.agent.probe.os.libc;

import java.lang.foreign.Linker;
import java.util.Optional;

/** C libraries that fail the ways a real machine can, for the skip paths. */
public final class Libcs {
  private Libcs() {}

  /** A C library where no symbol is found, as on a libc without the functions a probe needs. */
  public static Libc withoutSymbols() {
    return new Libc(name -> Optional.empty(), Linker.nativeLinker()::downcallHandle, null);
  }

  /** Symbols are found but making a downcall is refused, as with native access disabled. */
  public static Libc nativeAccessDenied() {
    return new Libc(
        Linker.nativeLinker().defaultLookup(),
        (address, fd, options) -> {
          throw new IllegalCallerException("illegal native access");
        },
        null);
  }

  /** An OS or architecture the probes do not know. */
  public static Libc unsupported(String reason) {
    return new Libc(
        Linker.nativeLinker().defaultLookup(), Linker.nativeLinker()::downcallHandle, reason);
  }

  /** Everything but {@code missing}, as on a libc that lacks one function. */
  public static Libc without(String missing) {
    Linker linker = Linker.nativeLinker();
    return new Libc(
        name -> name.equals(missing) ? Optional.empty() : linker.defaultLookup().find(name),
        linker::downcallHandle,
        null);
  }

  /** Two functions' symbols exchanged, so a probe times each where it expects the other. */
  public static Libc swapped(String one, String other) {
    Linker linker = Linker.nativeLinker();
    return new Libc(
        name ->
            linker.defaultLookup().find(name.equals(one) ? other : name.equals(other) ? one : name),
        linker::downcallHandle,
        null);
  }
}
