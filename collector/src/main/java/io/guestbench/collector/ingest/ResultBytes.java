package io.guestbench.collector.ingest;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.guestbench.proto.v1.ProbeResult;

/**
 * Parses one result of a {@code BatchView} as strictly as protobuf parses a result embedded in an
 * {@code AgentMessage}, so every result accepted from its bytes parses again, to the same message,
 * when a reader finds those bytes embedded in a {@code JournalRecord}.
 */
final class ResultBytes {
  /** Messages around a result in an AgentMessage (AgentMessage, Batch); each costs recursion. */
  private static final int ENCLOSING_MESSAGES = 2;

  private ResultBytes() {}

  static ProbeResult parse(ByteString encoded) throws InvalidProtocolBufferException {
    CodedInputStream in = encoded.newCodedInput();
    in.setRecursionLimit(in.setRecursionLimit(0) - ENCLOSING_MESSAGES);
    // The bytes are this batch's own copy (gRPC's parse copied them out of its buffers), so the
    // result's bytes fields (the histograms) may share them rather than copy them again.
    in.enableAliasing(true);
    ProbeResult result = ProbeResult.parser().parseFrom(in);
    // As when embedded: an end-group tag must not end the result before its bytes do.
    in.checkLastTagWas(0);
    return result;
  }
}
