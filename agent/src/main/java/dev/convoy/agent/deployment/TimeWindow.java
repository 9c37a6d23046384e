package dev.convoy.agent.deployment;

import java.time.Instant;
import java.util.Objects;

/**
 * A maintenance window as the server resolved it for this endpoint: the interval {@code [start, end)}.
 *
 * @throws IllegalArgumentException if {@code end} is not after {@code start}
 */
public record TimeWindow(Instant start, Instant end) {
  public TimeWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("window end: " + end + " (expected: after its start " + start + ")");
    }
  }

  /** Whether {@code instant} lies inside the window. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
