package dev.convoy.server.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open time interval {@code [start, end)}: {@code start} is inside, {@code end} is not. Immutable.
 *
 * @throws IllegalArgumentException if {@code start} is not before {@code end}
 */
public record Interval(Instant start, Instant end) {
  public Interval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("interval: " + start + " .. " + end + " (expected: start < end)");
    }
  }

  static Interval ofEpochSeconds(long start, long end) {
    return new Interval(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
  }

  /** Whether {@code at} is inside: {@code start <= at < end}. */
  public boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  /** The elapsed time from start to end. */
  public Duration length() {
    return Duration.between(start, end);
  }
}
