package io.guestbench.agent.probe.net.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Opens client connections with a bounded wait and a one-line reason when it fails. */
final class Connections {
  /** Native errors start with the call, for example {@code finishConnect(..) failed: }. */
  private static final Pattern NATIVE_PREFIX =
      Pattern.compile("^\\w+\\(\\.\\.\\) failed( with error\\(-?\\d+\\))?: ");

  /** Netty appends the address it tried ({@code : /127.0.0.1:7071}); our messages name it. */
  private static final Pattern ADDRESS_SUFFIX = Pattern.compile(": [^ ]*/[0-9a-fA-F.:%\\[\\]]+$");

  private Connections() {}

  static Channel connect(Bootstrap b, NetTarget target, long timeoutNanos)
      throws PeerFailure, InterruptedException {
    ChannelFuture f = b.connect(target.peer().host(), target.peer().port());
    if (!f.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
      f.cancel(false);
      f.channel().close();
      throw new PeerFailure(
          "cannot connect to "
              + target.address()
              + ": no answer within "
              + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
              + " ms");
    }
    if (!f.isSuccess()) {
      throw new PeerFailure("cannot connect to " + target.address() + ": " + reason(f.cause()));
    }
    return f.channel();
  }

  /** The cause's message without the native call or the address, or the cause's type. */
  static String reason(Throwable cause) {
    if (cause instanceof UnknownHostException) {
      return "unknown host";
    }
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    String plain = NATIVE_PREFIX.matcher(message).replaceFirst("");
    return ADDRESS_SUFFIX.matcher(plain).replaceFirst("").toLowerCase(Locale.ROOT);
  }
}
