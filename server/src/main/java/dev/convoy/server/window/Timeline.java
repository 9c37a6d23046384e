package dev.convoy.server.window;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * A schedule's merged intervals in one zone, exact for instants in {@code [from, until)}: sorted, disjoint,
 * not touching, in epoch seconds. Immutable; lookups allocate nothing.
 */
final class Timeline {
  /** Start times enumerated per build at most: with 1440 a day and a 31-day duration, still > 8 days ahead. */
  static final int MAX_STARTS = 60_000;
  /** Slack between local and zoned time: more than any UTC offset change (Samoa skipped a whole day in 2011). */
  static final long SLACK_SECONDS = 2 * 86_400;

  final long from;
  final long until;
  private final long[] starts;
  private final long[] ends;
  private final int size;

  private Timeline(long from, long until, long[] starts, long[] ends, int size) {
    this.from = from;
    this.until = until;
    this.starts = starts;
    this.ends = ends;
    this.size = size;
  }

  /**
   * Enumerates {@code rule}'s starts in {@code zone} for every interval that ends after {@code from} and starts
   * before {@code horizon} (fewer when the rule is so dense that {@link #MAX_STARTS} is reached first).
   */
  static Timeline build(StartRule rule, long durationSeconds, ZoneId zone, long from, long horizon) {
    long firstLocal = localSecond(from, zone) - durationSeconds - SLACK_SECONDS;
    long lastLocal = localSecond(horizon, zone) + SLACK_SECONDS;
    Builder raw = new Builder();
    StartRule.Starts starts = rule.startsFrom(firstLocal);
    long local = starts.next();
    long lastSeen = firstLocal;
    int enumerated = 0;
    while (local != StartRule.NONE && local <= lastLocal && enumerated < MAX_STARTS) {
      long start = resolve(local, zone);
      long end = resolve(local + durationSeconds, zone);
      if (end > start && end > from) {
        raw.add(start, end);
      }
      lastSeen = local;
      enumerated++;
      local = starts.next();
    }
    long until = enumerated < MAX_STARTS ? horizon : Math.max(from + 60, resolve(lastSeen, zone) - SLACK_SECONDS);
    return raw.merged(from, until);
  }

  static long localSecond(long epochSecond, ZoneId zone) {
    ZoneOffset offset = zone.getRules().getOffset(java.time.Instant.ofEpochSecond(epochSecond));
    return epochSecond + offset.getTotalSeconds();
  }

  /** A local date-time resolved like {@link ZonedDateTime#of}: gaps shift forward, overlaps take the earlier. */
  static long resolve(long localSecond, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
    return ZonedDateTime.of(local, zone).toEpochSecond();
  }

  boolean covers(long epochSecond) {
    return epochSecond >= from && epochSecond < until;
  }

  int size() {
    return size;
  }

  long start(int index) {
    return starts[index];
  }

  long end(int index) {
    return ends[index];
  }

  /** The index of the first interval ending after {@code epochSecond} ({@link #size()} if none). */
  int firstEndingAfter(long epochSecond) {
    int i = Arrays.binarySearch(ends, 0, size, epochSecond);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Whether an interval holds {@code epochSecond} (which should be {@linkplain #covers covered}). */
  boolean contains(long epochSecond) {
    int i = firstEndingAfter(epochSecond);
    return i < size && starts[i] <= epochSecond;
  }

  /** Collects raw occurrences (nearly sorted: only DST gaps reorder them) and merges them. */
  private static final class Builder {
    private long[] starts = new long[64];
    private long[] ends = new long[64];
    private int size;
    private boolean sorted = true;

    void add(long start, long end) {
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      sorted &= size == 0 || starts[size - 1] <= start;
      starts[size] = start;
      ends[size] = end;
      size++;
    }

    Timeline merged(long from, long until) {
      if (!sorted) {
        sortByStart();
      }
      int out = 0;
      for (int i = 0; i < size; i++) {
        if (out > 0 && starts[i] <= ends[out - 1]) {
          ends[out - 1] = Math.max(ends[out - 1], ends[i]);
        } else {
          starts[out] = starts[i];
          ends[out] = ends[i];
          out++;
        }
      }
      return new Timeline(from, until, Arrays.copyOf(starts, out), Arrays.copyOf(ends, out), out);
    }

    private void sortByStart() {
      Integer[] order = new Integer[size];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
      long[] s = new long[size];
      long[] e = new long[size];
      for (int i = 0; i < size; i++) {
        s[i] = starts[order[i]];
        e[i] = ends[order[i]];
      }
      starts = s;
      ends = e;
    }
  }
}
