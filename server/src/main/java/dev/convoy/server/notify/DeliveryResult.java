package dev.convoy.server.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * What one delivery attempt came to. Expected failures are values, not exceptions: the dispatcher decides from
 * them whether to retry. Immutable.
 *
 * @param detail for failures, what went wrong (e.g. {@code "HTTP 503"}, {@code "connection refused"}); never a
 *     secret
 * @param retryAfter for a retryable failure, the least delay the receiver asked for (HTTP Retry-After), or null
 */
public record DeliveryResult(Outcome outcome, String detail, Duration retryAfter) {
  /** Delivered; failed but worth trying again; failed for good (a dead letter at once). */
  public enum Outcome { DELIVERED, RETRY, PERMANENT }

  public DeliveryResult {
    Objects.requireNonNull(outcome, "outcome");
    detail = Objects.requireNonNullElse(detail, "");
  }

  public static DeliveryResult delivered() {
    return new DeliveryResult(Outcome.DELIVERED, "", null);
  }

  public static DeliveryResult retry(String detail) {
    return new DeliveryResult(Outcome.RETRY, detail, null);
  }

  public static DeliveryResult retryAfter(String detail, Duration after) {
    return new DeliveryResult(Outcome.RETRY, detail, after);
  }

  public static DeliveryResult permanent(String detail) {
    return new DeliveryResult(Outcome.PERMANENT, detail, null);
  }
}
