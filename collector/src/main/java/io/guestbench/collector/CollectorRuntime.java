package io.guestbench.collector;

import com.google.inject.Inject;
import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.collector.cost.PricesInUse;
import io.guestbench.collector.http.HttpEndpoints;
import io.guestbench.collector.ingest.GrpcServer;
import io.guestbench.collector.ingest.SessionRegistry;
import io.guestbench.collector.journal.JournalResultStore;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.schedule.PairScheduler;
import io.guestbench.common.lifecycle.Service;
import io.guestbench.common.lifecycle.ServiceManager;
import java.util.ArrayList;
import java.util.List;

/** The running collector: starts its services, and shuts down in order (unready, drain, stop). */
public final class CollectorRuntime {
  private final CollectorConfig config;
  private final GrpcServer grpc;
  private final HttpEndpoints http;
  private final SessionRegistry sessions;
  private final Readiness readiness;
  private final ServiceManager services;

  @Inject
  CollectorRuntime(
      CollectorConfig config,
      GrpcServer grpc,
      HttpEndpoints http,
      SessionRegistry sessions,
      Readiness readiness,
      ResultMetrics metrics,
      PairScheduler scheduler,
      JournalResultStore journal,
      PricesInUse prices) {
    this.config = config;
    this.grpc = grpc;
    this.http = http;
    this.sessions = sessions;
    this.readiness = readiness;
    List<Service> all =
        new ArrayList<>(
            List.of(
                prices, journal, http, grpc, new DepartedAgentSweeper(metrics, config.agentTtl())));
    if (config.schedule().enabled()) {
      all.add(scheduler); // last: stopped first, before the streams it sends on
    }
    this.services = new ServiceManager(all);
  }

  public void start() throws Exception {
    services.startAll(config.shutdownGrace());
    readiness.set(true);
  }

  public int grpcPort() {
    return grpc.port();
  }

  public int httpPort() {
    return http.port();
  }

  /**
   * Orderly: report not ready, ask every agent to reconnect elsewhere, then stop serving; the
   * journal stops last, after writing what was still queued.
   */
  public void shutdown() {
    readiness.set(false);
    grpc.notServing();
    sessions.drainAll("shutdown");
    services.stopAll(config.shutdownGrace());
  }
}
