package io.guestbench.e2e.load;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.CollectorServiceGrpc;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An {@code AgentMessage} already in its wire form: a short head made per message and a body shared
 * by many (a batch's results, encoded once). gRPC writes both straight into its buffers, so the
 * generator spends no CPU serializing results and leaves the cores to the collector. The collector
 * receives the same bytes protobuf would have produced for the same message.
 */
final class WireMessage {
  private static final byte[] NONE = new byte[0];

  /** The Connect method with this type as its request; the collector sees no difference. */
  static final MethodDescriptor<WireMessage, CollectorMessage> CONNECT =
      CollectorServiceGrpc.getConnectMethod().toBuilder(
              new Marshaller(), ProtoUtils.marshaller(CollectorMessage.getDefaultInstance()))
          .build();

  private final byte[] head;
  private final byte[] body;

  WireMessage(byte[] head, byte[] body) {
    this.head = head;
    this.body = body;
  }

  static WireMessage of(AgentMessage message) {
    return new WireMessage(message.toByteArray(), NONE);
  }

  int length() {
    return head.length + body.length;
  }

  /** The whole message as one array (for tests). */
  byte[] toByteArray() {
    byte[] out = new byte[length()];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  private static final class Marshaller implements MethodDescriptor.Marshaller<WireMessage> {
    @Override
    public InputStream stream(WireMessage value) {
      return new Stream(value);
    }

    @Override
    public WireMessage parse(InputStream stream) {
      throw new UnsupportedOperationException("the generator only sends these");
    }
  }

  /** The head, then the body; gRPC drains it into its own buffers in two writes. */
  private static final class Stream extends InputStream implements KnownLength, Drainable {
    private final WireMessage m;
    private int pos;

    Stream(WireMessage m) {
      this.m = m;
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int left = available();
      if (pos < m.head.length) {
        target.write(m.head, pos, m.head.length - pos);
        target.write(m.body);
      } else {
        target.write(m.body, pos - m.head.length, left);
      }
      pos = m.length();
      return left;
    }

    @Override
    public int available() {
      return m.length() - pos;
    }

    @Override
    public int read() {
      if (pos >= m.length()) {
        return -1;
      }
      int b = pos < m.head.length ? m.head[pos] : m.body[pos - m.head.length];
      pos++;
      return b & 0xff;
    }

    @Override
    public int read(byte[] into, int off, int len) {
      int n = Math.min(len, available());
      if (n <= 0) {
        return len == 0 ? 0 : -1;
      }
      for (int copied = 0; copied < n; ) {
        int chunk;
        if (pos < m.head.length) {
          chunk = Math.min(n - copied, m.head.length - pos);
          System.arraycopy(m.head, pos, into, off + copied, chunk);
        } else {
          chunk = n - copied;
          System.arraycopy(m.body, pos - m.head.length, into, off + copied, chunk);
        }
        pos += chunk;
        copied += chunk;
      }
      return n;
    }
  }
}
