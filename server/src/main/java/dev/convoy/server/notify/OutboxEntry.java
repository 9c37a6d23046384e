package dev.convoy.server.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One event on its way to one destination: pending (waiting for its next attempt) or dead (given up on: a
 * permanent refusal, or still failing after the retry policy's maximum age). Immutable.
 *
 * @param sequence position in the outbox, unique and increasing in enqueue order; the id admins retry by
 * @param attempts deliveries tried so far
 * @param since when this entry started trying (enqueued, or retried by an admin): its age counts from here
 * @param nextAttemptAt not tried before this time
 * @param lastError why the last attempt failed ("" before the first failure); never holds a secret
 * @param deadAt null while pending
 */
public record OutboxEntry(long sequence, Destination destination, Notification notification, int attempts,
    Instant since, Instant nextAttemptAt, String lastError, Instant deadAt) {
  public static final int MAX_ERROR = 500;

  public OutboxEntry {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    lastError = lastError == null ? "" : lastError.length() > MAX_ERROR ? lastError.substring(0, MAX_ERROR) : lastError;
  }

  /** A new pending entry, due at once. */
  public static OutboxEntry pending(long sequence, Destination destination, Notification notification, Instant now) {
    return new OutboxEntry(sequence, destination, notification, 0, now, now, "", null);
  }

  public boolean dead() {
    return deadAt != null;
  }

  /** This entry after a failed attempt, tried again at {@code next}. */
  public OutboxEntry failed(String error, Instant next) {
    return new OutboxEntry(sequence, destination, notification, attempts + 1, since, next, error, null);
  }

  /** This entry given up on at {@code at}, after the attempt that failed with {@code error}. */
  public OutboxEntry buried(String error, Instant at) {
    return new OutboxEntry(sequence, destination, notification, attempts + 1, since, nextAttemptAt, error, at);
  }

  /** This dead entry made pending again by an admin: due at once, its age counted from {@code now}. */
  public OutboxEntry revived(Instant now) {
    return new OutboxEntry(sequence, destination, notification, attempts, now, now, lastError, null);
  }
}
