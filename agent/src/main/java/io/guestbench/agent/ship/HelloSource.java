package io.guestbench.agent.ship;

import io.guestbench.proto.v1.Hello;

/** Builds the Hello that opens every stream: identity, facts, labels, where data starts. */
@FunctionalInterface
public interface HelloSource {
  Hello hello(long epoch, long firstUnackedSeq);
}
