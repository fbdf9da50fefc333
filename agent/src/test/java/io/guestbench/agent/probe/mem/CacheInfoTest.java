package io.guestbench.agent.probe.mem;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheInfoTest {
  @TempDir Path root;

  @Test
  void sizesAsSysfsWritesThem() {
    assertThat(CacheInfo.parseSize("32768K\n")).hasValue(32L << 20);
    assertThat(CacheInfo.parseSize("1M")).hasValue(1L << 20);
    assertThat(CacheInfo.parseSize("2G")).hasValue(2L << 30);
    assertThat(CacheInfo.parseSize("512")).hasValue(512);
    assertThat(CacheInfo.parseSize("32 MB")).isEmpty();
    assertThat(CacheInfo.parseSize("999999999999G")).isEmpty();
  }

  @Test
  void memTotalInBytes() {
    assertThat(CacheInfo.parseMemTotal("MemTotal:        1014768 kB\nMemFree: 1 kB\n"))
        .hasValue(1014768L * 1024);
    assertThat(CacheInfo.parseMemTotal("MemFree: 1 kB\n")).isEmpty();
  }

  @Test
  void theLastLevelIsTheHighestDataOrUnifiedCache() throws IOException {
    cache("index0", "1", "Data", "48K");
    cache("index1", "1", "Instruction", "32K");
    cache("index2", "2", "Unified", "1024K");
    cache("index3", "3", "Unified", "32768K");
    write("proc/meminfo", "MemTotal:       24000000 kB\n");

    CacheInfo info = CacheInfo.read(new HostFiles(root));

    assertThat(info.llcBytes()).hasValue(32L << 20);
    assertThat(info.memoryBytes()).hasValue(24_000_000L * 1024);
  }

  @Test
  void aHostWithoutCacheFilesHasNoLastLevel() {
    assertThat(CacheInfo.read(new HostFiles(root)))
        .isEqualTo(new CacheInfo(OptionalLong.empty(), OptionalLong.empty()));
  }

  @Test
  void theWorkingSetIsFourTimesTheCacheWithinMemory() {
    CacheInfo big = new CacheInfo(OptionalLong.of(32L << 20), OptionalLong.of(24L << 30));
    CacheInfo small = new CacheInfo(OptionalLong.of(32L << 20), OptionalLong.of(600L << 20));
    CacheInfo unknown = new CacheInfo(OptionalLong.empty(), OptionalLong.empty());
    CacheInfo tinyCache = new CacheInfo(OptionalLong.of(2L << 20), OptionalLong.empty());

    assertThat(big.workingSet(3, 4, 128L << 20, 32L << 20, 1L << 30)).isEqualTo(128L << 20);
    // Three arrays within a quarter of 600 MiB: 50 MiB each.
    assertThat(small.workingSet(3, 4, 128L << 20, 32L << 20, 1L << 30)).isEqualTo(50L << 20);
    assertThat(unknown.workingSet(3, 4, 128L << 20, 32L << 20, 1L << 30)).isEqualTo(128L << 20);
    assertThat(tinyCache.workingSet(1, 4, 256L << 20, 64L << 20, 1L << 30)).isEqualTo(64L << 20);
  }

  private void cache(String index, String level, String type, String size) throws IOException {
    String dir = "sys/devices/system/cpu/cpu0/cache/" + index + "/";
    write(dir + "level", level + "\n");
    write(dir + "type", type + "\n");
    write(dir + "size", size + "\n");
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
