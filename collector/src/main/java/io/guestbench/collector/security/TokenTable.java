package io.guestbench.collector.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens and the agent ids each may claim, from a file of {@code AGENT_ID TOKEN} lines
 * ({@code *} allows any id). Only digests are kept, so neither a heap dump nor a log line shows a
 * token, and lookup does not compare secrets byte by byte.
 */
public final class TokenTable {
  /** Tokens shorter than this are guessable. */
  public static final int MIN_TOKEN_CHARS = 16;

  private final Map<String, Set<String>> agentIdsByDigest;

  TokenTable(Map<String, Set<String>> agentIdsByDigest) {
    this.agentIdsByDigest = Map.copyOf(agentIdsByDigest);
  }

  /** Parses the file's text; problems name the line, never the token. */
  public static TokenTable parse(String text, List<String> problems) {
    return new TokenFileParser(problems).parse(text);
  }

  /** Who presents {@code token}, if anyone known. */
  public Optional<Identity> identify(String token) {
    Set<String> ids = agentIdsByDigest.get(digest(token));
    if (ids == null) {
      return Optional.empty();
    }
    return Optional.of(
        ids.contains("*") ? Identity.anyAgent("token") : new Identity("token", ids, false));
  }

  public int size() {
    return agentIdsByDigest.size();
  }

  static String digest(String token) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  @Override
  public String toString() {
    return "TokenTable[" + size() + " tokens]";
  }
}
