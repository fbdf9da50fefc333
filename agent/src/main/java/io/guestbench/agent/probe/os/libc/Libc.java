package io.guestbench.agent.probe.os.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The C library's functions as downcall handles through the FFM API. Anything this machine cannot
 * give — another OS or architecture, a missing symbol, native access denied to this code — comes
 * back as {@link Bound.Missing} with the reason, never as an exception.
 */
public final class Libc {
  /** Where the probes' constants (mmap flags, clock ids) are known to hold. */
  static final List<String> ARCHITECTURES = List.of("amd64", "aarch64");

  /** Makes a downcall handle: the native linker's own, or in tests one that fails. */
  @FunctionalInterface
  public interface Downcalls {
    MethodHandle downcall(MemorySegment address, FunctionDescriptor fd, Linker.Option... options);
  }

  private final SymbolLookup symbols;
  private final Downcalls downcalls;
  private final String unsupported;

  /** With {@code unsupported} null when the platform is fine, else the reason nothing binds. */
  public Libc(SymbolLookup symbols, Downcalls downcalls, String unsupported) {
    this.symbols = Objects.requireNonNull(symbols, "symbols");
    this.downcalls = Objects.requireNonNull(downcalls, "downcalls");
    this.unsupported = unsupported;
  }

  /** This process's C library, when the OS and architecture are ones the probes know. */
  public static Libc system() {
    String os = System.getProperty("os.name", "?");
    String arch = System.getProperty("os.arch", "?");
    String unsupported = null;
    if (!os.equals("Linux")) {
      unsupported = "the OS is " + os + ", not Linux";
    } else if (!ARCHITECTURES.contains(arch)) {
      unsupported =
          "architecture " + arch + " (expected: " + String.join(" or ", ARCHITECTURES) + ")";
    }
    try {
      Linker linker = Linker.nativeLinker();
      return new Libc(linker.defaultLookup(), linker::downcallHandle, unsupported);
    } catch (UnsupportedOperationException e) {
      return new Libc(
          name -> Optional.empty(), Libc::refuse, "no native linker: " + e.getMessage());
    }
  }

  /** A downcall handle for the function {@code name}, or why there is none. */
  public Bound<MethodHandle> function(
      String name, FunctionDescriptor fd, Linker.Option... options) {
    if (unsupported != null) {
      return Bound.missing(unsupported);
    }
    Optional<MemorySegment> address;
    try {
      address = symbols.find(name);
    } catch (RuntimeException e) {
      return Bound.missing("looking up " + name + ": " + e);
    }
    if (address.isEmpty()) {
      return Bound.missing("the C library has no " + name);
    }
    try {
      return Bound.ok(downcalls.downcall(address.get(), fd, options));
    } catch (IllegalCallerException e) {
      return Bound.missing(
          "native access is not permitted (start the JVM with --enable-native-access=ALL-UNNAMED)");
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return Bound.missing("cannot call " + name + ": " + e.getMessage());
    }
  }

  private static MethodHandle refuse(
      MemorySegment address, FunctionDescriptor fd, Linker.Option... options) {
    throw new UnsupportedOperationException("no native linker");
  }
}
