package io.guestbench.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BucketingReaderTest {
  @Test
  void findsTheFirstValueStartingPastTheGapAsAScanWould() {
    Random random = new Random(5);
    for (int i = 0; i < 200_000; i++) {
      long stepBytes = 0;
      int[] steps = new int[Long.BYTES];
      for (int b = 0; b < Long.BYTES; b++) {
        // Counts step 1; runs 1 to 64, mostly short, as in a payload.
        steps[b] = random.nextBoolean() ? 1 : 1 + random.nextInt(random.nextBoolean() ? 8 : 64);
        stepBytes |= (long) steps[b] << (8 * b);
      }
      long gap = random.nextInt(600) - 50;
      assertThat(BucketingReader.firstStartingPast(stepBytes, gap))
          .as("steps %s, gap %d", java.util.Arrays.toString(steps), gap)
          .isEqualTo(scan(steps, gap));
    }
  }

  private static int scan(int[] steps, long gap) {
    long start = 0;
    for (int b = 0; b < steps.length; b++) {
      if (start >= gap) {
        return b;
      }
      start += steps[b];
    }
    return Long.BYTES;
  }
}
