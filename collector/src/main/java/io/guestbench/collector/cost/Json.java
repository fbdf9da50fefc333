package io.guestbench.collector.cost;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Jackson's parse errors as one line. */
final class Json {
  private Json() {}

  /** {@code not valid JSON at line 3, column 7 (truncated or garbled): Unexpected end-of-input}. */
  static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    int cut = firstOf(message, "\n", " (start marker", " at [Source");
    String what = message.substring(0, cut).trim();
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return "not valid JSON" + where + " (truncated or garbled): " + what;
  }

  private static int firstOf(String text, String... markers) {
    int cut = text.length();
    for (String m : markers) {
      int i = text.indexOf(m);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return cut;
  }
}
