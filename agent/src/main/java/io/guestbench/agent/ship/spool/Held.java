package io.guestbench.agent.ship.spool;

import io.guestbench.proto.v1.Batch;

/** A batch the spool holds: on disk (the normal case) or in memory (while the disk fails). */
sealed interface Held {
  long seq();

  long createdNanos();

  int results();

  /** What it costs: record bytes on disk, serialized bytes in memory. */
  int bytes();

  /** A record in a segment; only its location is in memory. */
  record OnDisk(RecordRef ref) implements Held {
    @Override
    public long seq() {
      return ref.seq();
    }

    @Override
    public long createdNanos() {
      return ref.createdNanos();
    }

    @Override
    public int results() {
      return ref.results();
    }

    @Override
    public int bytes() {
      return ref.recordBytes();
    }
  }

  /** A batch that could not be written; it goes to disk as soon as the disk works again. */
  record InMemory(Batch batch) implements Held {
    @Override
    public long seq() {
      return batch.getSeq();
    }

    @Override
    public long createdNanos() {
      return batch.getCreatedTimeUnixNano();
    }

    @Override
    public int results() {
      return batch.getResultsCount();
    }

    @Override
    public int bytes() {
      return batch.getSerializedSize();
    }
  }
}
