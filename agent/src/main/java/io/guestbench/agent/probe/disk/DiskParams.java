package io.guestbench.agent.probe.disk;

import static io.guestbench.agent.probe.disk.DiskLimits.MAX_BS;
import static io.guestbench.agent.probe.disk.DiskLimits.MAX_BUFFER_BYTES;
import static io.guestbench.agent.probe.disk.DiskLimits.MAX_IODEPTH;
import static io.guestbench.agent.probe.disk.DiskLimits.MAX_NUMJOBS;
import static io.guestbench.agent.probe.disk.DiskLimits.MAX_RAMP;
import static io.guestbench.agent.probe.disk.DiskLimits.MAX_RUNTIME;
import static io.guestbench.agent.probe.disk.DiskLimits.MAX_SIZE;
import static io.guestbench.agent.probe.disk.DiskLimits.MIN_BS;
import static io.guestbench.agent.probe.disk.DiskLimits.MIN_RUNTIME;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.common.text.ByteSizes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The disk job's parameters as plans and the {@code disk} command spell them (fio's names where
 * they mean the same), their defaults, and the rules that span several of them.
 */
public final class DiskParams {
  public static final String RW = "rw";
  public static final String RWMIXREAD = "rwmixread";
  public static final String BS = "bs";
  public static final String SIZE = "size";
  public static final String IODEPTH = "iodepth";
  public static final String NUMJOBS = "numjobs";
  public static final String DIRECT = "direct";
  public static final String ENGINE = "engine";
  public static final String RUNTIME = "runtime";
  public static final String RAMP = "ramp";
  public static final String FSYNC = "fsync";
  public static final String FDATASYNC = "fdatasync";
  public static final String VERIFY = "verify";
  public static final String SEED = "seed";
  public static final String DIRECTORY = "directory";
  public static final String FILENAME = "filename";
  public static final String ALLOW_EXISTING = "allow_existing";
  public static final String ALLOW_DESTRUCTIVE = "allow_destructive";

  /** Where scratch files go unless the job says otherwise: on disk and kept across reboots. */
  public static final String DEFAULT_DIRECTORY = "/var/tmp";

  private static final List<String> BOOLEANS = List.of("false", "true");
  private static final List<String> ZERO_ONE = List.of("0", "1");

  private DiskParams() {}

  /** Reads a job, leaving every problem in {@code reader}; bad values read as their defaults. */
  public static DiskJob read(ParamReader r) {
    Rw rw = Rw.byLabel(r.choice(RW, "randread", Rw.labels()));
    boolean mixed = rw == Rw.RANDRW;
    int mix = (int) r.number(RWMIXREAD, mixed ? 50 : rw.reads() ? 100 : 0, 0, 100);
    long bs = r.bytes(BS, 4096, MIN_BS, MAX_BS);
    long size = r.bytes(SIZE, 1L << 30, MIN_BS, MAX_SIZE);
    int iodepth = (int) r.number(IODEPTH, 1, 1, MAX_IODEPTH);
    int numjobs = (int) r.number(NUMJOBS, 1, 1, MAX_NUMJOBS);
    boolean direct = r.choice(DIRECT, "1", ZERO_ONE).equals("1");
    Engine engine = Engine.byLabel(r.choice(ENGINE, "sync", Engine.labels()));
    Duration runtime = r.duration(RUNTIME, Duration.ofSeconds(10), MIN_RUNTIME, MAX_RUNTIME);
    Duration ramp = r.duration(RAMP, Duration.ZERO, Duration.ZERO, MAX_RAMP);
    int fsync = (int) r.number(FSYNC, 0, 0, 1_000_000);
    int fdatasync = (int) r.number(FDATASYNC, 0, 0, 1_000_000);
    Verify verify = Verify.byLabel(r.choice(VERIFY, "none", Verify.labels()));
    long seed = r.number(SEED, 1, 0, Long.MAX_VALUE);
    Target target = target(r);
    boolean allowExisting = r.choice(ALLOW_EXISTING, "false", BOOLEANS).equals("true");
    boolean allowDestructive = r.choice(ALLOW_DESTRUCTIVE, "false", BOOLEANS).equals("true");

    if (r.has(RWMIXREAD) && !mixed) {
      r.reject(RWMIXREAD, "only with rw randrw");
    }
    if (direct && bs % DiskLimits.DIRECT_ALIGNMENT != 0) {
      r.reject(BS, "a multiple of 512 with direct 1, since O_DIRECT needs aligned blocks");
      bs = 4096;
    }
    if (size % bs != 0 || size < bs) {
      r.reject(SIZE, "a multiple of bs " + ByteSizes.format(bs));
      size = bs;
    }
    if (engine == Engine.SYNC && iodepth > 1) {
      r.reject(IODEPTH, "1 with engine sync; a queue needs engine aio");
      iodepth = 1;
    }
    if (engine == Engine.AIO && !direct) {
      r.reject(ENGINE, "sync with direct 0, since Linux native AIO queues only with O_DIRECT");
      engine = Engine.SYNC;
      iodepth = 1;
    }
    SyncPolicy sync = sync(r, rw, fsync, fdatasync);
    if (verify == Verify.CRC32C && rw.writes() && numjobs > 1) {
      r.reject(VERIFY, "none when numjobs > 1 write, since their writes would race");
    }
    if (bs * iodepth * numjobs > MAX_BUFFER_BYTES) {
      r.reject(
          BS,
          "at most "
              + ByteSizes.format(MAX_BUFFER_BYTES)
              + " of buffers in all"
              + " (bs × iodepth × numjobs)");
    }
    return new DiskJob(
        rw,
        mix,
        bs,
        size,
        iodepth,
        numjobs,
        direct,
        engine,
        runtime,
        ramp,
        sync,
        verify,
        seed,
        target,
        allowExisting,
        allowDestructive);
  }

  private static SyncPolicy sync(ParamReader r, Rw rw, int fsync, int fdatasync) {
    if (fsync > 0 && fdatasync > 0) {
      r.reject(FDATASYNC, "0 when fsync is set; one kind of flush per job");
      return SyncPolicy.NONE;
    }
    if ((fsync > 0 || fdatasync > 0) && !rw.writes()) {
      r.reject(fsync > 0 ? FSYNC : FDATASYNC, "0 for rw " + rw.label() + ", which writes nothing");
      return SyncPolicy.NONE;
    }
    if (fsync > 0) {
      return new SyncPolicy(SyncPolicy.Call.FSYNC, fsync);
    }
    return fdatasync > 0 ? new SyncPolicy(SyncPolicy.Call.FDATASYNC, fdatasync) : SyncPolicy.NONE;
  }

  private static Target target(ParamReader r) {
    String directory = r.text(DIRECTORY, DEFAULT_DIRECTORY);
    String filename = r.text(FILENAME, "");
    if (r.has(DIRECTORY) && r.has(FILENAME)) {
      r.reject(FILENAME, "either directory or filename, not both");
    }
    if (r.has(FILENAME)) {
      return path(r, FILENAME, filename)
          .<Target>map(Target.Named::new)
          .orElse(new Target.Scratch(Path.of(DEFAULT_DIRECTORY)));
    }
    return new Target.Scratch(path(r, DIRECTORY, directory).orElse(Path.of(DEFAULT_DIRECTORY)));
  }

  private static java.util.Optional<Path> path(ParamReader r, String key, String text) {
    if (text.isBlank() || text.chars().anyMatch(Character::isISOControl)) {
      r.reject(key, "a path");
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Path.of(text));
    } catch (java.nio.file.InvalidPathException e) {
      r.reject(key, "a path");
      return java.util.Optional.empty();
    }
  }
}
