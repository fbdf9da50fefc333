package io.guestbench.agent.probe.disk;

import io.guestbench.common.text.Durations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A job's parameters as its results carry them: normalised (sizes in bytes, one {@code sync} and
 * {@code sync_every} instead of fsync and fdatasync) and without paths, so each value is short and
 * the collector's catalogue can check it. The first eight are the labels of the disk families.
 */
public final class ResultParams {
  public static final String RW = "rw";
  public static final String BS_BYTES = "bs_bytes";
  public static final String IODEPTH = "iodepth";
  public static final String ENGINE = "engine";
  public static final String NUMJOBS = "numjobs";
  public static final String DIRECT = "direct";
  public static final String SYNC = "sync";
  public static final String SYNC_EVERY = "sync_every";
  public static final String RWMIXREAD = "rwmixread";
  public static final String SIZE_BYTES = "size_bytes";
  public static final String RUNTIME = "runtime";
  public static final String RAMP = "ramp";
  public static final String VERIFY = "verify";
  public static final String SEED = "seed";
  public static final String TARGET = "target";

  private ResultParams() {}

  /** The parameters of {@code job}, with {@code target} once it is known. */
  public static Map<String, String> of(DiskJob job, Optional<TargetKind> target) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(RW, job.rw().label());
    p.put(BS_BYTES, Long.toString(job.bs()));
    p.put(IODEPTH, Integer.toString(job.iodepth()));
    p.put(ENGINE, job.engine().label());
    p.put(NUMJOBS, Integer.toString(job.numjobs()));
    p.put(DIRECT, job.direct() ? "1" : "0");
    p.put(SYNC, job.sync().call().label());
    p.put(SYNC_EVERY, Integer.toString(job.sync().every()));
    if (job.rw() == Rw.RANDRW) {
      p.put(RWMIXREAD, Integer.toString(job.rwmixread()));
    }
    p.put(SIZE_BYTES, Long.toString(job.size()));
    p.put(RUNTIME, Durations.format(job.runtime()));
    p.put(RAMP, Durations.format(job.ramp()));
    p.put(VERIFY, job.verify().label());
    p.put(SEED, Long.toString(job.seed()));
    target.ifPresent(t -> p.put(TARGET, t.label()));
    return p;
  }
}
