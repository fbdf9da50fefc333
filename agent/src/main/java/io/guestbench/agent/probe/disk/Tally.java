package io.guestbench.agent.probe.disk;

import io.guestbench.agent.probe.Samples;

/**
 * Everything one job thread measured inside the window. Not thread-safe: each thread fills its own
 * and the runner adds them up after the threads have ended.
 */
final class Tally {
  final Side read = new Side();
  final Side write = new Side();
  final Samples sync = new Samples();
  final DepthLevels depths = new DepthLevels();

  /**
   * One direction, in fio's terms: {@code clat} from submission (return of io_submit, or the start
   * of pread/pwrite) to completion, with percentiles; {@code slat} the submission call itself;
   * {@code lat} both.
   */
  static final class Side {
    final Samples clat = new Samples();
    final Moments lat = new Moments();
    final Moments slat = new Moments();

    void record(long clatNanos, long slatNanos) {
      clat.record(clatNanos);
      lat.record(clatNanos + slatNanos);
      slat.record(slatNanos);
    }

    void add(Side other) {
      clat.add(other.clat);
      lat.add(other.lat);
      slat.add(other.slat);
    }

    long ops() {
      return clat.count();
    }
  }

  Side side(boolean read) {
    return read ? this.read : write;
  }

  void add(Tally other) {
    read.add(other.read);
    write.add(other.write);
    sync.add(other.sync);
    depths.add(other.depths);
  }
}
