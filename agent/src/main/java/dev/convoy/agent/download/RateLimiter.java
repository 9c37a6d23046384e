package dev.convoy.agent.download;

import dev.convoy.agent.retry.Sleeper;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket over bytes: at most {@code bytesPerSecond} on average, with bursts of up to one second's worth.
 * Pacing happens on the receiving side; gRPC flow control then slows the server down. The sleep here is the
 * feature (an operator-set limit), not a wait for a schedule.
 *
 * <p>Not thread-safe: one download uses it at a time.
 */
public final class RateLimiter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long bytesPerSecond;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private double tokens;
  private long last;

  private RateLimiter(long bytesPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("download rate limit: " + bytesPerSecond + " (expected: >= 0, 0 = unlimited)");
    }
    this.bytesPerSecond = bytesPerSecond;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.last = nanoTime.getAsLong();
    this.tokens = bytesPerSecond;
  }

  /** No limit. */
  public static RateLimiter unlimited() {
    return new RateLimiter(0, () -> 0L, Sleeper.SYSTEM);
  }

  /** {@code bytesPerSecond} (0 = unlimited) against the given monotonic clock and sleeper. */
  public static RateLimiter of(long bytesPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
    return new RateLimiter(bytesPerSecond, nanoTime, sleeper);
  }

  /** {@code bytesPerSecond} (0 = unlimited) in real time. */
  public static RateLimiter of(long bytesPerSecond) {
    return of(bytesPerSecond, System::nanoTime, Sleeper.SYSTEM);
  }

  public boolean limited() {
    return bytesPerSecond > 0;
  }

  /**
   * Takes {@code bytes} tokens, sleeping first for as long as the bucket is in debt.
   *
   * @throws InterruptedException if interrupted while sleeping (the agent is stopping)
   */
  public void acquire(int bytes) throws InterruptedException {
    if (!limited()) {
      return;
    }
    long now = nanoTime.getAsLong();
    tokens = Math.min(bytesPerSecond, tokens + (now - last) * (double) bytesPerSecond / NANOS_PER_SECOND);
    last = now;
    tokens -= bytes;
    if (tokens < 0) {
      sleeper.sleep(Duration.ofNanos((long) (-tokens * NANOS_PER_SECOND / bytesPerSecond)));
    }
  }
}
