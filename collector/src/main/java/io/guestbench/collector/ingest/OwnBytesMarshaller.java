package io.guestbench.collector.ingest;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.guestbench.proto.v1.AgentMessageView;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads each {@code AgentMessageView} into an array of its own and parses it with aliasing, so a
 * batch's results are slices of that array. gRPC's protobuf marshaller reads into a buffer it
 * reuses, and so has protobuf copy every result's bytes out of it again (a batch's whole size, 60
 * KiB for 50 results). Bad bytes fail the call as that marshaller fails it.
 */
final class OwnBytesMarshaller implements MethodDescriptor.Marshaller<AgentMessageView> {
  private final MethodDescriptor.Marshaller<AgentMessageView> plain =
      ProtoUtils.marshaller(AgentMessageView.getDefaultInstance());

  @Override
  public InputStream stream(AgentMessageView value) {
    return plain.stream(value);
  }

  @Override
  public AgentMessageView parse(InputStream stream) {
    try (stream) {
      byte[] bytes = read(stream);
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.enableAliasing(true);
      AgentMessageView message = AgentMessageView.parser().parseFrom(in);
      in.checkLastTagWas(0);
      return message;
    } catch (InvalidProtocolBufferException e) {
      throw Status.INTERNAL
          .withDescription("Invalid protobuf byte sequence")
          .withCause(e)
          .asRuntimeException();
    } catch (IOException e) {
      throw Status.INTERNAL
          .withDescription("cannot read the message: " + e.getMessage())
          .withCause(e)
          .asRuntimeException();
    }
  }

  /**
   * The stream's bytes in an array of exactly their size, read into it in one pass (gRPC's streams
   * know their length; {@code readNBytes(int)} would gather them in chunks and copy them again).
   */
  private static byte[] read(InputStream stream) throws IOException {
    if (!(stream instanceof KnownLength)) {
      return stream.readAllBytes();
    }
    byte[] bytes = new byte[stream.available()];
    if (stream.readNBytes(bytes, 0, bytes.length) != bytes.length || stream.read() >= 0) {
      throw new IOException("not as long as it said");
    }
    return bytes;
  }
}
