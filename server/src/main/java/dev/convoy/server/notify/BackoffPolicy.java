package dev.convoy.server.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How failed deliveries are retried: exponential backoff from {@code initial}, doubling per attempt up to
 * {@code max}, with "equal jitter" (each delay is between half and all of the nominal one) so that many entries
 * failing together do not retry together; an entry still failing {@code maxAge} after it was enqueued is moved to
 * the dead letters. Immutable.
 *
 * @param initial first delay; default 30 s
 * @param max longest delay; default 1 h
 * @param maxAge how long an entry keeps trying; default 3 days (a long weekend of a receiver being down)
 */
public record BackoffPolicy(Duration initial, Duration max, Duration maxAge) {
  public static final BackoffPolicy DEFAULT = new BackoffPolicy(Duration.ofSeconds(30), Duration.ofHours(1),
      Duration.ofDays(3));

  public BackoffPolicy {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(maxAge, "maxAge");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("notify.retry.initial: " + initial + " (expected: > 0)");
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("notify.retry.max: " + max + " (expected: >= notify.retry.initial "
          + initial + ")");
    }
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("notify.retry.max_age: " + maxAge + " (expected: >= 0)");
    }
  }

  /** The nominal delay after the {@code attempts}-th failed attempt (1-based), before jitter. */
  public Duration nominal(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
  }

  /** The delay after the {@code attempts}-th failed attempt: between half of {@link #nominal} and all of it. */
  public Duration delay(int attempts, RandomGenerator random) {
    long nominal = nominal(attempts).toMillis();
    long half = nominal / 2;
    return Duration.ofMillis(half + (nominal - half == 0 ? 0 : random.nextLong(nominal - half + 1)));
  }
}
