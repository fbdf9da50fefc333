package io.guestbench.collector.schedule;

import io.guestbench.collector.ingest.ConnectedAgent;
import java.util.List;

/** The agents connected now; the session registry in the collector, a list in tests. */
@FunctionalInterface
public interface Roster {
  List<ConnectedAgent> connected();
}
