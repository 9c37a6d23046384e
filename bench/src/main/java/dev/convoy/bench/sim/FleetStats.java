package dev.convoy.bench.sim;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the simulated fleet observed, per agent (by index) and in total: when each agent last got its session back
 * (Hello sent and the following Sync answered), when its NOTIFIED report was applied, when its final report was
 * acknowledged; call latencies and failures. Times are {@link System#nanoTime()} values, 0 = not yet. Thread-safe.
 */
public final class FleetStats {
  private final AtomicLongArray connectedAt;
  private final AtomicLongArray notifiedAt;
  private final AtomicLongArray finishedAt;
  public final Latencies statusReports = new Latencies(4_000_000);
  public final Latencies inventoryReports = new Latencies(4_000_000);
  /** Whole payload downloads (first request to last byte). */
  public final Latencies downloads = new Latencies(100_000);
  public final AtomicLong connects = new AtomicLong();
  public final AtomicLong connectFailures = new AtomicLong();
  public final AtomicLong callFailures = new AtomicLong();
  public final AtomicLong permitsRefused = new AtomicLong();
  public final AtomicLong bytesDownloaded = new AtomicLong();
  public final AtomicLong succeeded = new AtomicLong();
  public final AtomicLong failed = new AtomicLong();

  FleetStats(int agents) {
    connectedAt = new AtomicLongArray(agents);
    notifiedAt = new AtomicLongArray(agents);
    finishedAt = new AtomicLongArray(agents);
  }

  void connected(int agent) {
    connects.incrementAndGet();
    connectedAt.set(agent, System.nanoTime());
  }

  void notified(int agent) {
    notifiedAt.compareAndSet(agent, 0, System.nanoTime());
  }

  void finished(int agent, boolean success) {
    (success ? succeeded : failed).incrementAndGet();
    finishedAt.set(agent, System.nanoTime());
  }

  /** Forgets per-agent times (before a measured phase). */
  public void clearTimes() {
    for (int i = 0; i < connectedAt.length(); i++) {
      connectedAt.set(i, 0);
      notifiedAt.set(i, 0);
      finishedAt.set(i, 0);
    }
  }

  public int connectedSince(long nanos) {
    return countSince(connectedAt, nanos);
  }

  public int notifiedSince(long nanos) {
    return countSince(notifiedAt, nanos);
  }

  public int finishedSince(long nanos) {
    return countSince(finishedAt, nanos);
  }

  /** Seconds after {@code start} by which {@code fraction} of all agents had connected; NaN if they did not. */
  public double connectedQuantile(long start, double fraction) {
    return quantile(connectedAt, start, fraction);
  }

  public double notifiedQuantile(long start, double fraction) {
    return quantile(notifiedAt, start, fraction);
  }

  public double finishedQuantile(long start, double fraction) {
    return quantile(finishedAt, start, fraction);
  }

  private static int countSince(AtomicLongArray times, long nanos) {
    int n = 0;
    for (int i = 0; i < times.length(); i++) {
      long t = times.get(i);
      if (t != 0 && t - nanos >= 0) {
        n++;
      }
    }
    return n;
  }

  private static double quantile(AtomicLongArray times, long start, double fraction) {
    long[] after = new long[times.length()];
    int n = 0;
    for (int i = 0; i < times.length(); i++) {
      long t = times.get(i);
      if (t != 0 && t - start >= 0) {
        after[n++] = t - start;
      }
    }
    int needed = (int) Math.ceil(fraction * times.length());
    if (needed == 0 || n < needed) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(after, n);
    Arrays.sort(sorted);
    return sorted[needed - 1] / 1e9;
  }
}
