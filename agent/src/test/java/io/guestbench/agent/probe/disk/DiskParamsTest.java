package io.guestbench.agent.probe.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.agent.probe.ParamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskParamsTest {

  @Test
  void defaultsAreASafeRandomReadInVarTmp() {
    ParamReader r = new ParamReader(Map.of());
    DiskJob job = DiskParams.read(r);

    assertThat(r.problems()).isEmpty();
    assertThat(job.rw()).isEqualTo(Rw.RANDREAD);
    assertThat(job.rwmixread()).isEqualTo(100);
    assertThat(job.bs()).isEqualTo(4096);
    assertThat(job.size()).isEqualTo(1L << 30);
    assertThat(job.iodepth()).isEqualTo(1);
    assertThat(job.numjobs()).isEqualTo(1);
    assertThat(job.direct()).isTrue();
    assertThat(job.engine()).isEqualTo(Engine.SYNC);
    assertThat(job.runtime()).isEqualTo(Duration.ofSeconds(10));
    assertThat(job.ramp()).isZero();
    assertThat(job.sync()).isEqualTo(SyncPolicy.NONE);
    assertThat(job.verify()).isEqualTo(Verify.NONE);
    assertThat(job.seed()).isEqualTo(1);
    assertThat(job.target()).isEqualTo(new Target.Scratch(Path.of("/var/tmp")));
    assertThat(job.allowExisting()).isFalse();
    assertThat(job.allowDestructive()).isFalse();
  }

  @Test
  void everyParameterMaps() {
    Map<String, String> p = new HashMap<>();
    p.putAll(
        Map.of("rw", "randrw", "rwmixread", "70", "bs", "16k", "size", "64M", "iodepth", "32"));
    p.putAll(Map.of("numjobs", "2", "direct", "1", "engine", "aio", "runtime", "2m", "ramp", "5s"));
    p.putAll(Map.of("fdatasync", "8", "seed", "42", "filename", "/dev/xvdb"));
    p.putAll(Map.of("allow_existing", "true", "allow_destructive", "true"));
    ParamReader r = new ParamReader(p);
    DiskJob job = DiskParams.read(r);

    assertThat(r.problems()).isEmpty();
    assertThat(job)
        .isEqualTo(
            new DiskJob(
                Rw.RANDRW,
                70,
                16384,
                64L << 20,
                32,
                2,
                true,
                Engine.AIO,
                Duration.ofMinutes(2),
                Duration.ofSeconds(5),
                new SyncPolicy(SyncPolicy.Call.FDATASYNC, 8),
                Verify.NONE,
                42,
                new Target.Named(Path.of("/dev/xvdb")),
                true,
                true));
    assertThat(job.bufferBytes()).isEqualTo(16384L * 32 * 2);
    assertThat(job.blocks()).isEqualTo(4096);
  }

  @Test
  void nonsenseValuesNameTheKeyAndTheExpectation() {
    assertThat(problems("bs", "lots", "size", "-1G", "iodepth", "0", "runtime", "2d"))
        .containsExactly(
            "bs: lots (expected: 512..64M)",
            "size: -1G (expected: 512..16T)",
            "iodepth: 0 (expected: 1..1024)",
            "runtime: 2d (expected: 100ms..1h)");
    assertThat(problems("rw", "trim", "engine", "io_uring", "direct", "yes", "verify", "md5"))
        .containsExactly(
            "rw: trim (expected: read, write, randread, randwrite or randrw)",
            "direct: yes (expected: 0 or 1)",
            "engine: io_uring (expected: sync or aio)",
            "verify: md5 (expected: none or crc32c)");
    assertThat(problems("runtime", "2h", "ramp", "1h", "numjobs", "65"))
        .containsExactly(
            "numjobs: 65 (expected: 1..64)",
            "runtime: 2h (expected: 100ms..1h)",
            "ramp: 1h (expected: 0s..10m)");
    assertThat(problems("blocksize", "4k")).singleElement().asString().startsWith("blocksize:");
  }

  @Test
  void blocksThatDirectIoCannotUseAreRefused() {
    assertThat(problems("bs", "1000"))
        .containsExactly(
            "bs: 1000 (expected: a multiple of 512 with direct 1, since O_DIRECT needs aligned"
                + " blocks)");
    assertThat(problems("bs", "1000", "direct", "0", "size", "1000000")).isEmpty();
    assertThat(problems("bs", "4k", "size", "10000"))
        .containsExactly("size: 10000 (expected: a multiple of bs 4k)");
  }

  @Test
  void combinationsThatWouldMeasureSomethingElseAreRefused() {
    assertThat(problems("iodepth", "32"))
        .containsExactly("iodepth: 32 (expected: 1 with engine sync; a queue needs engine aio)");
    assertThat(problems("engine", "aio", "direct", "0"))
        .containsExactly(
            "engine: aio (expected: sync with direct 0, since Linux native AIO queues only with"
                + " O_DIRECT)");
    assertThat(problems("rw", "randwrite", "fsync", "1", "fdatasync", "1"))
        .containsExactly("fdatasync: 1 (expected: 0 when fsync is set; one kind of flush per job)");
    assertThat(problems("fsync", "1"))
        .containsExactly("fsync: 1 (expected: 0 for rw randread, which writes nothing)");
    assertThat(problems("rwmixread", "70"))
        .containsExactly("rwmixread: 70 (expected: only with rw randrw)");
    assertThat(problems("rw", "randwrite", "numjobs", "2", "verify", "crc32c"))
        .containsExactly(
            "verify: crc32c (expected: none when numjobs > 1 write, since their writes would race)");
    assertThat(problems("bs", "64m", "iodepth", "32", "engine", "aio"))
        .containsExactly(
            "bs: 64m (expected: at most 1G of buffers in all (bs × iodepth × numjobs))");
  }

  @Test
  void theTargetIsOneDirectoryOrOneFile() {
    assertThat(problems("directory", "/a", "filename", "/b"))
        .containsExactly("filename: /b (expected: either directory or filename, not both)");
    assertThat(problems("directory", " ")).containsExactly("directory:   (expected: a path)");
    assertThat(problems("filename", "a\nb")).containsExactly("filename: a?b (expected: a path)");
    assertThat(problems("allow_existing", "yes"))
        .containsExactly("allow_existing: yes (expected: false or true)");
  }

  @Test
  void theRecordGuardsItsInvariants() {
    DiskJob ok = read(Map.of());
    assertThatThrownBy(
            () ->
                new DiskJob(
                    ok.rw(),
                    100,
                    4096,
                    1000,
                    1,
                    1,
                    true,
                    Engine.SYNC,
                    ok.runtime(),
                    ok.ramp(),
                    ok.sync(),
                    ok.verify(),
                    1,
                    ok.target(),
                    false,
                    false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new DiskJob(
                    ok.rw(),
                    100,
                    4096,
                    8192,
                    8,
                    1,
                    true,
                    Engine.SYNC,
                    ok.runtime(),
                    ok.ramp(),
                    ok.sync(),
                    ok.verify(),
                    1,
                    ok.target(),
                    false,
                    false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SyncPolicy(SyncPolicy.Call.FSYNC, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DiskJob read(Map<String, String> params) {
    return DiskParams.read(new ParamReader(params));
  }

  private static List<String> problems(String... keyValues) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put(keyValues[i], keyValues[i + 1]);
    }
    ParamReader r = new ParamReader(params);
    DiskParams.read(r);
    return r.problems();
  }
}
