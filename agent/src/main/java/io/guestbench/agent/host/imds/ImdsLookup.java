package io.guestbench.agent.host.imds;

import io.guestbench.agent.host.imds.ImdsHttp.Answered;
import io.guestbench.agent.host.imds.ImdsHttp.Failed;
import io.guestbench.agent.host.imds.ImdsHttp.Reply;
import io.guestbench.common.text.Durations;
import io.guestbench.common.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One pass over the metadata paths within one deadline; not reused. */
final class ImdsLookup {
  static final String NOT_ON_EC2 = "not on EC2 (or IMDS disabled): ";

  private final ImdsSettings settings;
  private final ImdsHttp http;
  private final TokenCache tokens;
  private final Clock clock;
  private final long deadline;
  private final Map<String, String> facts = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private boolean refreshed;

  ImdsLookup(ImdsSettings settings, ImdsHttp http, TokenCache tokens, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.tokens = tokens;
    this.clock = clock;
    this.deadline = clock.monotonicNanos() + settings.totalDeadline().toNanos();
  }

  ImdsFacts run() {
    TokenOrReason first = token();
    if (first.reason() != null) {
      return ImdsFacts.none(NOT_ON_EC2 + first.reason());
    }
    List<ImdsField> fields = List.of(ImdsField.values());
    for (int i = 0; i < fields.size(); i++) {
      String stop = remainingNanos() > 0 ? fetch(fields.get(i)) : deadlineReached();
      if (stop != null) {
        notes.add(stop + "; skipped: " + keys(fields.subList(i, fields.size())));
        break;
      }
    }
    if (facts.getOrDefault(ImdsField.KERNEL_ID.key(), "").startsWith("aki-")) {
      facts.put("pv_kernel_hint", "true"); // a paravirtual kernel image (DOMAIN.md)
    }
    return new ImdsFacts(facts, notes);
  }

  /** Reads one field into facts or notes, or answers why the lookup must stop before it. */
  private String fetch(ImdsField field) {
    TokenOrReason token = token();
    if (token.reason() != null) {
      return "token refresh failed: " + token.reason();
    }
    Reply reply = http.get(field.path(), token.token(), budget());
    if (reply instanceof Answered(int status, _) && status == 401 && !refreshed) {
      refreshed = true; // IMDS forgot the token (restart or expiry): one fresh token, one retry
      tokens.invalidate();
      token = token();
      if (token.reason() != null) {
        return "token refresh after 401 failed: " + token.reason();
      }
      reply = http.get(field.path(), token.token(), budget());
    }
    keep(field, reply);
    return null;
  }

  private void keep(ImdsField field, Reply reply) {
    switch (reply) {
      case Failed(String reason) -> notes.add(field.key() + ": " + reason);
      case Answered(int status, String body) when status == 200 -> accept(field, body.trim());
      case Answered(int status, _) when status == 404 && field.oftenAbsent() -> {}
      case Answered(int status, _) -> notes.add(field.key() + ": answered HTTP " + status);
    }
  }

  private void accept(ImdsField field, String value) {
    Optional<String> problem = MetadataValues.problem(value);
    if (problem.isPresent()) {
      notes.add(field.key() + ": " + problem.get());
    } else {
      facts.put(field.key(), value);
    }
  }

  private TokenOrReason token() {
    Optional<String> cached = tokens.current();
    if (cached.isPresent()) {
      return new TokenOrReason(cached.get(), null);
    }
    if (remainingNanos() <= 0) {
      return new TokenOrReason(null, deadlineReached());
    }
    long requestedAt = clock.monotonicNanos();
    return switch (http.putToken(settings.tokenTtl(), budget())) {
      case Failed(String reason) -> new TokenOrReason(null, "token request: " + reason);
      case Answered(int status, _) when status != 200 ->
          new TokenOrReason(null, "token request answered HTTP " + status);
      case Answered(_, String body) -> {
        Optional<String> problem = MetadataValues.problem(body.trim());
        if (problem.isPresent()) {
          yield new TokenOrReason(null, "token answer unusable: " + problem.get());
        }
        tokens.store(body.trim(), requestedAt);
        yield new TokenOrReason(body.trim(), null);
      }
    };
  }

  /** The wait for the next request: the request timeout or what is left, in whole ms. */
  private Duration budget() {
    long left = Math.min(remainingNanos(), settings.requestTimeout().toNanos());
    return Duration.ofMillis(Math.max(1, (left + 999_999) / 1_000_000));
  }

  private long remainingNanos() {
    return deadline - clock.monotonicNanos();
  }

  private String deadlineReached() {
    return "IMDS deadline of " + Durations.format(settings.totalDeadline()) + " reached";
  }

  private static String keys(List<ImdsField> fields) {
    return String.join(", ", fields.stream().map(ImdsField::key).toList());
  }

  private record TokenOrReason(String token, String reason) {}
}
