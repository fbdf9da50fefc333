package io.guestbench.collector.schedule;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.collector.ingest.SessionRegistry;
import io.guestbench.common.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;

/** Binds the pair scheduler to the live sessions; the runtime starts it when it is enabled. */
public final class ScheduleModule extends AbstractModule {
  @Provides
  @Singleton
  PairScheduler pairScheduler(
      CollectorConfig config, SessionRegistry sessions, Clock clock, MeterRegistry meters) {
    return new PairScheduler(
        config.schedule(),
        config.collectorId(),
        sessions::connected,
        clock,
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("guestbench-schedule").daemon().factory()),
        new ScheduleCounters(meters));
  }
}
