package dev.convoy.server.window;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks one schedule's intervals in one zone, in order of start, from a given instant up to the look-ahead limit,
 * continuing into freshly built timelines when a dense rule's timeline ends early. Intervals from consecutive
 * timelines may overlap; {@link #merge} joins them. Not thread-safe (one per call).
 */
final class IntervalCursor {
  private final WindowSchedule schedule;
  private final ZoneId zone;
  private final long limit;
  private Timeline timeline;
  private int index;
  private long start;
  private long end;

  IntervalCursor(WindowSchedule schedule, ZoneId zone, long from, long limit) {
    this.schedule = schedule;
    this.zone = zone;
    this.limit = limit;
    this.timeline = schedule.timeline(zone, from);
    this.index = timeline.firstEndingAfter(from);
  }

  /** Moves to the next interval; false when there is none starting before the limit. */
  boolean advance() {
    while (index >= timeline.size() || timeline.start(index) >= timeline.until) {
      if (timeline.until > limit) {
        return false;
      }
      long next = timeline.until;
      timeline = schedule.buildTimeline(zone, next, WindowSchedule.CONTINUED_SPAN);
      index = timeline.firstEndingAfter(next);
    }
    start = timeline.start(index);
    end = timeline.end(index);
    index++;
    return start <= limit;
  }

  long start() {
    return start;
  }

  long end() {
    return end;
  }

  /**
   * The first {@code max} intervals of the union of the cursors' intervals, overlapping or touching ones merged.
   * Each cursor must be fresh (not yet advanced).
   */
  static List<Interval> merge(List<IntervalCursor> cursors, int max) {
    List<IntervalCursor> live = new ArrayList<>(cursors.size());
    for (IntervalCursor cursor : cursors) {
      if (cursor.advance()) {
        live.add(cursor);
      }
    }
    List<Interval> merged = new ArrayList<>(Math.min(max, 64));
    long groupStart = 0;
    long groupEnd = Long.MIN_VALUE;
    while (!live.isEmpty() && merged.size() < max) {
      IntervalCursor first = live.get(0);
      for (IntervalCursor cursor : live) {
        first = cursor.start < first.start ? cursor : first;
      }
      if (first.start > groupEnd) {
        if (groupEnd != Long.MIN_VALUE) {
          merged.add(Interval.ofEpochSeconds(groupStart, groupEnd));
        }
        groupStart = first.start;
        groupEnd = first.end;
      } else {
        groupStart = Math.min(groupStart, first.start);
        groupEnd = Math.max(groupEnd, first.end);
      }
      if (!first.advance()) {
        live.remove(first);
      }
    }
    if (groupEnd != Long.MIN_VALUE && merged.size() < max) {
      merged.add(Interval.ofEpochSeconds(groupStart, groupEnd));
    }
    return merged;
  }
}
