package io.guestbench.agent.probe.os.libc;

import java.util.Objects;
import java.util.function.Function;

/**
 * A native function, or something built from native functions, that this machine may not offer: the
 * reason it is missing becomes a skipped result's message, so it is never an exception.
 */
public sealed interface Bound<T> {

  /** Available. */
  record Ok<T>(T value) implements Bound<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Not available here, for example {@code libc has no getppid}. */
  record Missing<T>(String reason) implements Bound<T> {
    public Missing {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static <T> Bound<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Bound<T> missing(String reason) {
    return new Missing<>(reason);
  }

  /** This value transformed, or the same reason. */
  default <R> Bound<R> map(Function<? super T, ? extends R> f) {
    return switch (this) {
      case Ok<T> ok -> ok(f.apply(ok.value()));
      case Missing<T> m -> missing(m.reason());
    };
  }

  /** What {@code f} binds from this value, or this reason. */
  default <R> Bound<R> flatMap(Function<? super T, Bound<R>> f) {
    return switch (this) {
      case Ok<T> ok -> f.apply(ok.value());
      case Missing<T> m -> missing(m.reason());
    };
  }
}
