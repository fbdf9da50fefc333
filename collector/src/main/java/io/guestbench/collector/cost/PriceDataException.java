package io.guestbench.collector.cost;

/**
 * An offer file or price file that cannot be used; the message is one line saying what is wrong.
 */
public final class PriceDataException extends Exception {
  public PriceDataException(String message) {
    super(message);
  }

  public PriceDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
