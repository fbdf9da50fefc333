package io.guestbench.collector.security;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code AGENT_ID TOKEN} lines; blank lines and {@code #} comments are skipped. */
final class TokenFileParser {
  private static final Pattern AGENT_ID = Pattern.compile("\\*|[A-Za-z0-9._-]{1,64}");
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");
  private final List<String> problems;

  TokenFileParser(List<String> problems) {
    this.problems = problems;
  }

  TokenTable parse(String text) {
    Map<String, Set<String>> byDigest = new HashMap<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (valid(parts, i + 1)) {
        byDigest
            .computeIfAbsent(TokenTable.digest(parts[1]), d -> new LinkedHashSet<>())
            .add(parts[0]);
      }
    }
    if (byDigest.isEmpty() && problems.isEmpty()) {
      problems.add("no tokens (expected: lines of AGENT_ID TOKEN)");
    }
    return new TokenTable(byDigest);
  }

  private boolean valid(String[] parts, int lineNumber) {
    if (parts.length != 2 || !AGENT_ID.matcher(parts[0]).matches()) {
      problems.add(
          "line "
              + lineNumber
              + " (expected: AGENT_ID TOKEN, AGENT_ID being * or 1-64 of A-Z a-z 0-9 . _ -)");
      return false;
    }
    if (parts[1].length() < TokenTable.MIN_TOKEN_CHARS || !TOKEN.matcher(parts[1]).matches()) {
      problems.add(
          "line "
              + lineNumber
              + ": token too short or not printable ASCII (expected: at least "
              + TokenTable.MIN_TOKEN_CHARS
              + " printable ASCII characters)");
      return false;
    }
    return true;
  }
}
