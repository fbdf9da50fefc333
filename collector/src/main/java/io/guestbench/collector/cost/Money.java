package io.guestbench.collector.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How prices are written: dollars with at least three decimals, no trailing noise. */
final class Money {
  private Money() {}

  /** {@code $0.0464/h}, {@code $0.210/h}. */
  static String perHour(BigDecimal dollars) {
    return "$" + plain(dollars) + "/h";
  }

  /** At least three decimals, at most as many as the source gave (offer files give ten). */
  static String plain(BigDecimal dollars) {
    BigDecimal trimmed = dollars.stripTrailingZeros();
    int scale = Math.max(3, trimmed.scale());
    return dollars.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }
}
