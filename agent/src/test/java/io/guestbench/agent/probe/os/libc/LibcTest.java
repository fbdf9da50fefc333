package io.guestbench.agent.probe.os.libc;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.Test;

class LibcTest {
  private static final FunctionDescriptor INT = FunctionDescriptor.of(JAVA_INT);

  @Test
  void bindsAndCallsARealFunction() throws Throwable {
    Bound<MethodHandle> getppid = Libc.system().function("getppid", INT);

    assertThat(getppid).isInstanceOf(Bound.Ok.class);
    int parent = (int) ((Bound.Ok<MethodHandle>) getppid).value().invokeExact();
    assertThat(parent).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
  }

  @Test
  void aMissingSymbolIsAReason() {
    assertThat(Libcs.withoutSymbols().function("getppid", INT))
        .isEqualTo(Bound.missing("the C library has no getppid"));
    assertThat(Libc.system().function("no_such_function_in_libc", INT))
        .isEqualTo(Bound.missing("the C library has no no_such_function_in_libc"));
  }

  @Test
  void nativeAccessDeniedIsAReason() {
    Bound<MethodHandle> bound = Libcs.nativeAccessDenied().function("getppid", INT);

    assertThat(bound)
        .isEqualTo(
            Bound.missing(
                "native access is not permitted (start the JVM with"
                    + " --enable-native-access=ALL-UNNAMED)"));
  }

  @Test
  void anUnsupportedPlatformBindsNothing() {
    assertThat(Libcs.unsupported("the OS is Windows 11, not Linux").function("getppid", INT))
        .isEqualTo(Bound.missing("the OS is Windows 11, not Linux"));
  }

  @Test
  void boundValuesMapAndChain() {
    Bound<Integer> two = Bound.ok(2);
    Bound<Integer> none = Bound.missing("no");

    assertThat(two.map(v -> v + 1)).isEqualTo(Bound.ok(3));
    assertThat(none.map(v -> v + 1)).isEqualTo(Bound.missing("no"));
    assertThat(two.flatMap(v -> none)).isEqualTo(Bound.missing("no"));
  }
}
