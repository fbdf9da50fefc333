package io.guestbench.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionLockTest {
  private final SessionLock lock = new SessionLock();

  @Test
  void anActionHandedOverWhileAnotherThreadHoldsTheLockRunsOnThatThreadWhenItLetsGo()
      throws Exception {
    CountDownLatch letGo = new CountDownLatch(1);
    List<String> ranOn = new CopyOnWriteArrayList<>();
    Thread holder = holdingTheLockUntil(letGo);

    lock.runOrHandOver(() -> ranOn.add(Thread.currentThread().getName()));
    lock.runOrHandOver(() -> ranOn.add("second"));

    assertThat(ranOn).as("handed over, not waited for").isEmpty();
    letGo.countDown();
    holder.join(5_000);
    assertThat(ranOn).containsExactly("holder", "second");
  }

  @Test
  void anActionRunsAtOnceWhenTheLockIsFreeOrHeldByTheCaller() {
    List<String> ran = new CopyOnWriteArrayList<>();
    lock.runOrHandOver(() -> ran.add("free"));
    lock.run(
        () -> {
          lock.runOrHandOver(() -> ran.add("nested"));
          ran.add("after nested");
        });
    assertThat(ran).containsExactly("free", "nested", "after nested");
  }

  @Test
  void aFailingActionDoesNotKeepTheNextFromRunningNorFailTheHolder() throws Exception {
    CountDownLatch letGo = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    Thread holder = holdingTheLockUntil(letGo);
    lock.runOrHandOver(
        () -> {
          throw new IllegalStateException("deliberately");
        });
    lock.runOrHandOver(ran::incrementAndGet);
    letGo.countDown();
    holder.join(5_000);
    assertThat(ran).hasValue(1);
  }

  @Test
  void everyActionHandedOverFromManyThreadsRunsExactlyOnce() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger ran = new AtomicInteger();
    Runnable counted =
        () -> {
          if (inside.incrementAndGet() != 1) {
            overlaps.incrementAndGet();
          }
          ran.incrementAndGet();
          inside.decrementAndGet();
        };
    int threads = 4;
    int each = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> all = new CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      boolean waits = t % 2 == 0;
      all.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    await(start);
                    for (int i = 0; i < each; i++) {
                      if (waits) {
                        lock.run(counted);
                      } else {
                        lock.runOrHandOver(counted);
                      }
                    }
                  }));
    }
    start.countDown();
    for (Thread t : all) {
      t.join(30_000);
    }
    assertThat(ran).hasValue(threads * each);
    assertThat(overlaps).as("actions that ran outside the lock").hasValue(0);
  }

  /**
   * A thread named "holder" that takes the lock and keeps it until {@code letGo}; once it has it.
   */
  private Thread holdingTheLockUntil(CountDownLatch letGo) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    Thread holder =
        Thread.ofPlatform()
            .name("holder")
            .start(
                () ->
                    lock.run(
                        () -> {
                          holding.countDown();
                          await(letGo);
                        }));
    holding.await();
    return holder;
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
