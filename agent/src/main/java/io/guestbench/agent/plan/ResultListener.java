package io.guestbench.agent.plan;

import io.guestbench.proto.v1.ProbeResult;

/** Sees every result as it is produced, for example to print it. */
@FunctionalInterface
public interface ResultListener {
  void onResult(ProbeResult result);

  ResultListener NONE = result -> {};
}
