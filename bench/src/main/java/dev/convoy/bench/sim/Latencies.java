package dev.convoy.bench.sim;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Call latencies, recorded lock-free into a preallocated array (samples beyond its capacity are counted but not
 * kept). Percentiles sort a copy. Thread-safe.
 */
public final class Latencies {
  private final long[] nanos;
  private final AtomicInteger count = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong firstStart = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong lastEnd = new java.util.concurrent.atomic.AtomicLong();

  public Latencies(int capacity) {
    nanos = new long[capacity];
  }

  public void record(long elapsedNanos) {
    long end = System.nanoTime();
    firstStart.compareAndSet(0, end - elapsedNanos);
    lastEnd.accumulateAndGet(end, Math::max);
    int i = count.getAndIncrement();
    if (i < nanos.length) {
      nanos[i] = elapsedNanos;
    }
  }

  public int count() {
    return count.get();
  }

  /** Forgets everything recorded (call only while nothing records). */
  public void reset() {
    count.set(0);
    firstStart.set(0);
    lastEnd.set(0);
  }

  /** Seconds from the start of the first recorded call to the end of the last one. */
  public double spanSeconds() {
    return (lastEnd.get() - firstStart.get()) / 1e9;
  }

  /** The {@code q} quantile (0..1) in milliseconds; NaN when nothing was recorded. */
  public double millis(double q) {
    int n = Math.min(count.get(), nanos.length);
    if (n == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    return sorted[Math.min(n - 1, (int) Math.ceil(q * n) - 1 < 0 ? 0 : (int) Math.ceil(q * n) - 1)] / 1e6;
  }
}
