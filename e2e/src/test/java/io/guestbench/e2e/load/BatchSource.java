package io.guestbench.e2e.load;

import com.google.protobuf.CodedOutputStream;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.ProbeResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Batches of {@code size} results drawn from a fixed pool, so the generator spends its CPU on the
 * wire and not on making results. The results of every batch the pool can make (one per starting
 * point) are encoded once, up front; each batch then only encodes its seq and time in front of
 * them. A sample is one scalar or one distribution of a result.
 */
final class BatchSource {
  private final List<ProbeResult> pool;
  private final byte[][] bodies;
  private final int[] samples;
  private final int size;

  /** One batch ready to send, with what it carries. */
  record Next(WireMessage message, int results, int samples) {}

  BatchSource(List<ProbeResult> pool, int size) {
    if (pool.isEmpty() || size < 1) {
      throw new IllegalArgumentException("need results and a positive batch size");
    }
    this.pool = List.copyOf(pool);
    this.size = size;
    this.bodies = new byte[pool.size()][];
    this.samples = new int[pool.size()];
    for (int start = 0; start < pool.size(); start++) {
      bodies[start] = results(start);
      for (int i = 0; i < size; i++) {
        samples[start] += samples(this.pool.get((start + i) % pool.size()));
      }
    }
  }

  /** The samples a result carries: each scalar and each distribution counts once. */
  static int samples(ProbeResult result) {
    return result.getScalarsCount() + result.getDistributionsCount();
  }

  Next next(long seq) {
    int start = ThreadLocalRandom.current().nextInt(pool.size());
    return new Next(
        message(seq, System.currentTimeMillis() * 1_000_000L, start), size, samples[start]);
  }

  /** The batch as protobuf would build it, for tests: the same bytes as {@link #next}'s. */
  AgentMessage typed(long seq, long createdUnixNanos, int start) {
    Batch.Builder batch = Batch.newBuilder().setSeq(seq).setCreatedTimeUnixNano(createdUnixNanos);
    for (int i = 0; i < size; i++) {
      batch.addResults(pool.get((start + i) % pool.size()));
    }
    return AgentMessage.newBuilder().setBatch(batch).build();
  }

  /** AgentMessage{batch: Batch{seq, created_time_unix_nano, results...}} in wire order. */
  WireMessage message(long seq, long createdUnixNanos, int start) {
    byte[] body = bodies[start];
    int fields =
        CodedOutputStream.computeUInt64Size(Batch.SEQ_FIELD_NUMBER, seq)
            + CodedOutputStream.computeFixed64Size(
                Batch.CREATED_TIME_UNIX_NANO_FIELD_NUMBER, createdUnixNanos);
    int batchLength = fields + body.length;
    byte[] head =
        new byte
            [CodedOutputStream.computeTagSize(AgentMessage.BATCH_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(batchLength)
                + fields];
    CodedOutputStream out = CodedOutputStream.newInstance(head);
    try {
      out.writeTag(AgentMessage.BATCH_FIELD_NUMBER, 2); // length-delimited
      out.writeUInt32NoTag(batchLength);
      out.writeUInt64(Batch.SEQ_FIELD_NUMBER, seq);
      out.writeFixed64(Batch.CREATED_TIME_UNIX_NANO_FIELD_NUMBER, createdUnixNanos);
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WireMessage(head, body);
  }

  private byte[] results(int start) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      for (int i = 0; i < size; i++) {
        out.writeMessage(Batch.RESULTS_FIELD_NUMBER, pool.get((start + i) % pool.size()));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
