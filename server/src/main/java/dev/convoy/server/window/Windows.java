package dev.convoy.server.window;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A campaign's maintenance windows: the union of its schedules. No schedule ({@link #ANYTIME}) means no
 * restriction: every instant is inside.
 *
 * <p>Immutable and thread-safe.
 */
public final class Windows {
  /** No restriction. */
  public static final Windows ANYTIME = new Windows(List.of());

  private final List<WindowSchedule> schedules;

  private Windows(List<WindowSchedule> schedules) {
    this.schedules = schedules;
  }

  /** The union of {@code schedules} (copied; empty means {@link #ANYTIME}). */
  public static Windows of(List<WindowSchedule> schedules) {
    return schedules.isEmpty() ? ANYTIME : new Windows(List.copyOf(schedules));
  }

  public List<WindowSchedule> schedules() {
    return schedules;
  }

  /** True when there is no restriction. */
  public boolean anytime() {
    return schedules.isEmpty();
  }

  /**
   * Whether {@code at} is inside one of the windows (always true for {@link #ANYTIME}).
   *
   * @param endpointZone the endpoint's zone for per-endpoint schedules; null means unknown (UTC)
   */
  public boolean contains(Instant at, ZoneId endpointZone) {
    Objects.requireNonNull(at, "at");
    if (schedules.isEmpty()) {
      return true;
    }
    for (WindowSchedule schedule : schedules) {
      if (schedule.contains(at, endpointZone)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The intervals of the union ending after {@code from}, in order, overlapping or touching ones merged (also across
   * schedules), at most {@code max}, starting within {@link WindowSchedule#LOOKAHEAD}. Empty for {@link #ANYTIME}.
   *
   * @throws IllegalArgumentException if {@code max} is negative
   */
  public List<Interval> upcoming(Instant from, ZoneId endpointZone, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max: " + max + " (expected: >= 0)");
    }
    List<IntervalCursor> cursors = new ArrayList<>(schedules.size());
    for (WindowSchedule schedule : schedules) {
      cursors.add(schedule.cursor(from, endpointZone));
    }
    return IntervalCursor.merge(cursors, max);
  }

  /**
   * The earliest instant at or after {@code from} that is inside a window: {@code from} itself when it is inside
   * (always for {@link #ANYTIME}), else the start of the next window; empty when none starts within
   * {@link WindowSchedule#LOOKAHEAD}.
   */
  public Optional<Instant> nextStart(Instant from, ZoneId endpointZone) {
    if (contains(from, endpointZone)) {
      return Optional.of(from);
    }
    return upcoming(from, endpointZone, 1).stream().findFirst().map(Interval::start);
  }

  /** For people: each schedule's description, or "any time". */
  public String describe() {
    return schedules.isEmpty()
        ? "any time"
        : schedules.stream().map(WindowSchedule::describe).collect(Collectors.joining("; "));
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Windows other && schedules.equals(other.schedules);
  }

  @Override
  public int hashCode() {
    return schedules.hashCode();
  }
}
