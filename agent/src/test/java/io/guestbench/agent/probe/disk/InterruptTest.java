package io.guestbench.agent.probe.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.agent.probe.ProbeRun;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted job stops its threads and removes its file before the exception leaves. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InterruptTest {
  @TempDir Path dir;

  @Test
  void interruptedWhileLayingOut() {
    DiskJob job = Jobs.job(dir, "size", "64m");
    // The runner reports "created ..." on its own thread just before the layout starts.
    ProbeRun.Progress interruptOnCreate =
        line -> {
          if (line.startsWith("created ") && !line.contains("laid out")) {
            Thread.currentThread().interrupt();
          }
        };

    assertThatThrownBy(() -> Jobs.runner().run(job, "i-1", Spelling.PLAN, interruptOnCreate))
        .isInstanceOf(InterruptedException.class);
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void interruptedWhileMeasuringAnAioQueue() throws Exception {
    DiskJob job =
        Jobs.job(
            dir,
            "runtime",
            "30s",
            "engine",
            "aio",
            "iodepth",
            "16",
            "direct",
            "1",
            "rw",
            "randwrite");
    CountDownLatch measuring = new CountDownLatch(1);
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread runner =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    Jobs.runner()
                        .run(
                            job,
                            "i-2",
                            Spelling.PLAN,
                            line -> {
                              if (line.contains("laid out")) {
                                measuring.countDown();
                              }
                            });
                    thrown.complete(null);
                  } catch (Throwable t) {
                    thrown.complete(t);
                  }
                });

    assertThat(measuring.await(30, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(200); // requests in flight now
    runner.interrupt();

    assertThat(thrown.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    runner.join();
    assertThat(dir).isEmptyDirectory();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("guestbench-disk-") && t.isAlive());
  }
}
