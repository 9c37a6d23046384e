package dev.convoy.agent.retry;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter: the n-th delay (from 0) is uniform in {@code [0, min(max, initial * 2^n)]}.
 * Full jitter spreads the reconnects of many agents after a server restart instead of having them retry in
 * lock-step. {@link #reset()} after a success starts again from {@code initial}.
 *
 * <p>Not thread-safe: each retrying loop owns its instance.
 */
public final class Backoff {
  private static final int MAX_SHIFT = 30; // 2^30 * initial already exceeds any sensible cap

  private final long initialNanos;
  private final long maxNanos;
  private final Random random;
  private int attempt;

  /**
   * @param initial the ceiling of the first delay, > 0
   * @param max the largest ceiling, >= initial
   * @param random source of jitter (seeded in tests)
   */
  public Backoff(Duration initial, Duration max, Random random) {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("backoff initial: " + initial + " (expected: > 0)");
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff max: " + max + " (expected: >= initial " + initial + ")");
    }
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** The ceiling the next {@link #next()} draws below: {@code min(max, initial * 2^attempt)}. */
  public Duration ceiling() {
    int shift = Math.min(attempt, MAX_SHIFT);
    long ceiling = initialNanos > (maxNanos >> shift) ? maxNanos : initialNanos << shift;
    return Duration.ofNanos(Math.min(ceiling, maxNanos));
  }

  /** The next delay, uniform in {@code [0, ceiling()]}; then the ceiling doubles (up to max). */
  public Duration next() {
    long ceiling = ceiling().toNanos();
    attempt = Math.min(attempt + 1, MAX_SHIFT);
    return Duration.ofNanos((long) (random.nextDouble() * (ceiling + 1)));
  }

  /** Forgets past failures: the next ceiling is {@code initial} again. */
  public void reset() {
    attempt = 0;
  }
}
