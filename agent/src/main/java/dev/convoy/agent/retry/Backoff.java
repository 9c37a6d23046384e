package dev.convoy.agent.retry;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter: each delay is uniform in {@code [0, ceiling]}, and the ceiling doubles from
 * {@code initial} after each delay, up to {@code max}. Full jitter spreads the reconnects of many agents after a
 * server restart instead of having them retry in lock-step. {@link #reset()} after a success starts again from
 * {@code initial}.
 *
 * <p>{@link #resetAfterHealthySession()} is for losing a connection that had been up for a while, which is most
 * likely a server restart or a brief network fault rather than a server in trouble: for the next
 * {@link #FAST_ATTEMPTS} delays the ceiling stops at {@link #FAST_CAP} instead of {@code max}, so that an agent is
 * back within seconds of the server, not after the 16–32 s its doubling ceiling has reached by the end of a 10 s
 * restart. A server that is saturated refuses the surplus connections cheaply, before TLS, so these retries cost it
 * little; after the fast phase (about two minutes) the ceiling doubles on towards {@code max}, for a real outage.
 * The fast ceiling is 10 s, not less: at 5 s, 10,000 agents made ~4,000 attempts per second during a storm, and the
 * clients' own cost of those attempts slowed the admitted handshakes.
 *
 * <p>Not thread-safe: each retrying loop owns its instance.
 */
public final class Backoff {
  /** The ceiling during the fast phase after a healthy session (bounded by the configured initial and max). */
  public static final Duration FAST_CAP = Duration.ofSeconds(10);
  /**
   * How many delays the fast phase lasts: about two minutes of retries at the fast ceiling, long enough for a
   * restarted server to work through the handshakes of a whole fleet at its own pace (refusing the surplus) before
   * anyone falls back to minute-long waits.
   */
  public static final int FAST_ATTEMPTS = 24;

  private final long initialNanos;
  private final long maxNanos;
  private final long fastCapNanos;
  private final Random random;
  private long ceilingNanos;
  private int fastLeft;

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
    this.fastCapNanos = Math.min(maxNanos, Math.max(initialNanos, FAST_CAP.toNanos()));
    this.random = random;
    this.ceilingNanos = initialNanos;
  }

  /** The ceiling the next {@link #next()} draws below. */
  public Duration ceiling() {
    return Duration.ofNanos(ceilingNanos);
  }

  /** The next delay, uniform in {@code [0, ceiling()]}; then the ceiling doubles (up to the cap in force). */
  public Duration next() {
    long ceiling = ceilingNanos;
    fastLeft = Math.max(0, fastLeft - 1);
    long cap = fastLeft > 0 ? fastCapNanos : maxNanos;
    ceilingNanos = ceiling > cap / 2 ? cap : Math.min(cap, ceiling * 2);
    return Duration.ofNanos((long) (random.nextDouble() * (ceiling + 1)));
  }

  /** Forgets past failures: the next ceiling is {@code initial} again. */
  public void reset() {
    ceilingNanos = initialNanos;
    fastLeft = 0;
  }

  /**
   * Forgets past failures and starts the fast phase: the next {@link #FAST_ATTEMPTS} ceilings double from
   * {@code initial} only up to {@link #FAST_CAP}.
   */
  public void resetAfterHealthySession() {
    ceilingNanos = initialNanos;
    fastLeft = FAST_ATTEMPTS;
  }
}
