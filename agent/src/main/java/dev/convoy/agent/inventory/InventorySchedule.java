package dev.convoy.agent.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@code due} every {@code interval} ± {@code jitter} (default 4 h ± 25 %), each period drawn anew so that a
 * fleet started together spreads out. Due times are wall-clock instants read from the injected {@link Clock}; the
 * schedule wakes at least every {@link #MAX_WAIT} to compare, so a laptop that slept past its due time reports
 * soon after waking (a monotonic delay alone would not count the time asleep).
 *
 * <p>Thread-safe.
 */
public final class InventorySchedule implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(InventorySchedule.class);
  /** The longest single wait between two looks at the clock. */
  public static final Duration MAX_WAIT = Duration.ofMinutes(1);
  /** The default jitter: ± 25 % of the interval. */
  public static final double DEFAULT_JITTER = 0.25;

  private final Duration interval;
  private final double jitter;
  private final DoubleSupplier random;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Runnable due;
  private Instant nextAt;                 // guarded by this
  private Scheduler.Cancellable pending;  // guarded by this
  private boolean closed;                 // guarded by this

  /**
   * @param jitter the fraction of {@code interval} by which each period may be shorter or longer, in [0, 1)
   * @param random uniform values in [0, 1), e.g. {@code new Random()::nextDouble}
   * @param due called on the scheduler's thread when a period ends; its exceptions are logged
   */
  public InventorySchedule(Duration interval, double jitter, DoubleSupplier random, Clock clock, Scheduler scheduler,
      Runnable due) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("inventory_interval: " + interval + " (expected: > 0)");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter: " + jitter + " (expected: 0 <= jitter < 1)");
    }
    this.interval = interval;
    this.jitter = jitter;
    this.random = random;
    this.clock = clock;
    this.scheduler = scheduler;
    this.due = due;
  }

  /** Plans the first period from now. */
  public synchronized void start() {
    planNext();
  }

  /** When the current period ends, or null before {@link #start()}. */
  public synchronized Instant nextAt() {
    return nextAt;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (pending != null) {
      pending.cancel();
    }
  }

  private void planNext() {
    double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
    nextAt = clock.instant().plusNanos((long) (interval.toNanos() * factor));
    logger.debug("inventory scheduled at={}", nextAt);
    arm();
  }

  private void arm() {
    Duration left = Duration.between(clock.instant(), nextAt);
    Duration wait = left.isNegative() ? Duration.ZERO : left.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : left;
    pending = scheduler.schedule(this::tick, wait);
  }

  private void tick() {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (clock.instant().isBefore(nextAt)) {
        arm();
        return;
      }
      planNext();
    }
    try {
      due.run(); // outside the lock: it may take a while, and close() must not wait for it
    } catch (RuntimeException e) {
      logger.warn("scheduled inventory failed reason=\"{}\"", e.toString());
    }
  }
}
