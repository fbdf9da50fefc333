package io.guestbench.agent.cli;

import io.guestbench.agent.probe.disk.DiskParams;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code disk} command's job options, named as fio names them; each one left out takes the
 * probe's default, so the command and a plan read the same job the same way.
 */
final class DiskOptions {
  @Option(
      names = "--rw",
      paramLabel = "read|write|randread|randwrite|randrw",
      description = "I/O pattern. Default: randread.")
  String rw;

  @Option(names = "--rwmixread", paramLabel = "PERCENT", description = "Reads in randrw (50).")
  String rwmixread;

  @Option(names = "--bs", paramLabel = "SIZE", description = "Block size, e.g. 4k (default), 1m.")
  String bs;

  @Option(names = "--size", paramLabel = "SIZE", description = "File size, e.g. 1G (default).")
  String size;

  @Option(names = "--iodepth", paramLabel = "N", description = "Requests in flight (aio). 1.")
  String iodepth;

  @Option(names = "--numjobs", paramLabel = "N", description = "Threads on the file. Default: 1.")
  String numjobs;

  @Option(names = "--direct", paramLabel = "0|1", description = "O_DIRECT. Default: 1.")
  String direct;

  @Option(
      names = "--engine",
      paramLabel = "sync|aio",
      description = "sync: pread/pwrite (fio psync); aio: Linux native AIO (fio libaio).")
  String engine;

  @Option(names = "--runtime", paramLabel = "DURATION", description = "Measured time. 10s.")
  String runtime;

  @Option(names = "--ramp", paramLabel = "DURATION", description = "Unmeasured warm-up. 0s.")
  String ramp;

  @Option(names = "--fsync", paramLabel = "N", description = "fsync after every N writes.")
  String fsync;

  @Option(names = "--fdatasync", paramLabel = "N", description = "fdatasync after every N writes.")
  String fdatasync;

  @Option(names = "--verify", paramLabel = "none|crc32c", description = "Check blocks on read.")
  String verify;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the random offsets. 1.")
  String seed;

  @Option(
      names = "--directory",
      paramLabel = "DIR",
      description = "Where the scratch file goes. Default: " + DiskParams.DEFAULT_DIRECTORY + ".")
  String directory;

  @Option(
      names = "--filename",
      paramLabel = "PATH",
      description = "Use this path instead of a scratch file (new, or existing with the flags).")
  String filename;

  @Option(
      names = "--allow-existing",
      description = "Allow an existing file or block device (writes overwrite its data).")
  boolean allowExisting;

  @Option(names = "--allow-destructive", description = "Allow writes to a block device.")
  boolean allowDestructive;

  /** The options that were given, as the probe's parameters. */
  Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    put(p, DiskParams.RW, rw);
    put(p, DiskParams.RWMIXREAD, rwmixread);
    put(p, DiskParams.BS, bs);
    put(p, DiskParams.SIZE, size);
    put(p, DiskParams.IODEPTH, iodepth);
    put(p, DiskParams.NUMJOBS, numjobs);
    put(p, DiskParams.DIRECT, direct);
    put(p, DiskParams.ENGINE, engine);
    put(p, DiskParams.RUNTIME, runtime);
    put(p, DiskParams.RAMP, ramp);
    put(p, DiskParams.FSYNC, fsync);
    put(p, DiskParams.FDATASYNC, fdatasync);
    put(p, DiskParams.VERIFY, verify);
    put(p, DiskParams.SEED, seed);
    put(p, DiskParams.DIRECTORY, directory);
    put(p, DiskParams.FILENAME, filename);
    put(p, DiskParams.ALLOW_EXISTING, allowExisting ? "true" : null);
    put(p, DiskParams.ALLOW_DESTRUCTIVE, allowDestructive ? "true" : null);
    return p;
  }

  private static void put(Map<String, String> p, String key, String value) {
    if (value != null) {
      p.put(key, value);
    }
  }
}
