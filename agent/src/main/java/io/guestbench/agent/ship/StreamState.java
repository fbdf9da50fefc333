package io.guestbench.agent.ship;

/**
 * What the stream client can say about its connection, for progress lines and errors.
 *
 * @param connected a Welcome was received on the current stream
 * @param reconnects streams lost since start
 * @param lastError the last reason a stream was lost or could not open, or empty
 * @param recycles streams replaced on purpose after their lifetime (not counted as lost)
 */
public record StreamState(boolean connected, long reconnects, String lastError, long recycles) {}
