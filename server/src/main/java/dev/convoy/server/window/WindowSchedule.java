package dev.convoy.server.window;

import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One maintenance window: start times from an RRULE or a 5-field cron expression, a wall-clock duration, and a
 * zone (an IANA id, or each endpoint's own). The rules (DST gaps and overlaps, the RRULE subset) are in the package
 * documentation.
 *
 * <p>Immutable and thread-safe. Per zone it caches a timeline of merged intervals, so {@link #contains} is
 * normally a binary search.
 */
public final class WindowSchedule {
  /** The zone value meaning "each endpoint's own zone". */
  public static final String ENDPOINT_ZONE = "endpoint";
  /** The longest duration accepted. */
  public static final Duration MAX_DURATION = Duration.ofDays(31);
  /** How far {@link #upcoming} looks ahead. */
  public static final Duration LOOKAHEAD = Duration.ofDays(400);
  /** The zone used for a per-endpoint schedule when the endpoint's zone is unknown. */
  public static final ZoneId UNKNOWN_ENDPOINT_ZONE = ZoneOffset.UTC;

  private static final long DAY = 86_400;
  /** What a cached timeline spans: a month ahead keeps rebuilds rare and cheap (a weekly rule: ~5 starts). */
  private static final long CACHED_SPAN = 35 * DAY;
  /** What {@link IntervalCursor} asks for when it needs more: fewer, larger builds. */
  static final long CONTINUED_SPAN = 120 * DAY;
  private static final int MAX_CACHED_ZONES = 256;

  private final StartRule rule;
  private final boolean cron;
  private final Duration duration;
  private final ZoneId zone;
  private final ConcurrentHashMap<ZoneId, Timeline> timelines = new ConcurrentHashMap<>();

  private WindowSchedule(StartRule rule, boolean cron, Duration duration, ZoneId zone) {
    this.rule = rule;
    this.cron = cron;
    this.duration = duration;
    this.zone = zone;
  }

  /**
   * Validates and builds a schedule. {@code field} is the path used in error messages, e.g. {@code "windows[0]"}.
   *
   * @param rrule an RRULE, or null/blank when {@code cron} is given
   * @param cron a 5-field cron expression, or null/blank when {@code rrule} is given
   * @param duration the wall-clock length of each window: positive, whole seconds, at most {@link #MAX_DURATION}
   * @param zone an IANA zone id, or {@code "endpoint"}; null or blank means {@code "endpoint"}
   * @throws ConvoyException INVALID_ARGUMENT with a message naming the field, the value and what was expected
   */
  public static WindowSchedule of(String field, String rrule, String cron, Duration duration, String zone) {
    boolean hasRrule = rrule != null && !rrule.isBlank();
    boolean hasCron = cron != null && !cron.isBlank();
    if (hasRrule == hasCron) {
      throw ConvoyException.invalidArgument(field + ": " + (hasRrule ? "both rrule and cron" : "neither rrule nor cron")
          + " (expected: exactly one of rrule, cron)");
    }
    StartRule rule = hasRrule ? RruleStartRule.parse(field + ".rrule", rrule) : CronStartRule.parse(field + ".cron", cron);
    return new WindowSchedule(rule, hasCron, checkDuration(field + ".duration", duration), parseZone(field + ".zone", zone));
  }

  private static Duration checkDuration(String field, Duration duration) {
    if (duration == null) {
      throw ConvoyException.invalidArgument(field + ": missing (expected: > 0)");
    }
    if (duration.isZero() || duration.isNegative()) {
      throw ConvoyException.invalidArgument(field + ": " + duration + " (expected: > 0)");
    }
    if (duration.getNano() != 0) {
      throw ConvoyException.invalidArgument(field + ": " + duration + " (expected: whole seconds)");
    }
    if (duration.compareTo(MAX_DURATION) > 0) {
      throw ConvoyException.invalidArgument(field + ": " + duration + " (expected: at most 31 days)");
    }
    return duration;
  }

  private static ZoneId parseZone(String field, String zone) {
    if (zone == null || zone.isBlank() || zone.equals(ENDPOINT_ZONE)) {
      return null;
    }
    if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      throw ConvoyException.invalidArgument(
          field + ": " + Require.shown(zone) + " (expected: an IANA time zone id or \"" + ENDPOINT_ZONE + "\")");
    }
    return ZoneId.of(zone);
  }

  /** True when evaluated in each endpoint's own zone. */
  public boolean perEndpointZone() {
    return zone == null;
  }

  /** The schedule's own zone, empty when {@linkplain #perEndpointZone() per endpoint}. */
  public Optional<ZoneId> fixedZone() {
    return Optional.ofNullable(zone);
  }

  /** The wall-clock length of each window. */
  public Duration duration() {
    return duration;
  }

  /** The RRULE as given (trimmed, without an {@code RRULE:} prefix), or empty for a cron schedule. */
  public Optional<String> rrule() {
    return cron ? Optional.empty() : Optional.of(rule.text());
  }

  /** The cron expression as given (trimmed), or empty for an RRULE schedule. */
  public Optional<String> cron() {
    return cron ? Optional.of(rule.text()) : Optional.empty();
  }

  /**
   * Whether {@code at} is inside a window (start inclusive, end exclusive).
   *
   * @param endpointZone the endpoint's zone; ignored when the schedule has a fixed zone; null means unknown (UTC)
   */
  public boolean contains(Instant at, ZoneId endpointZone) {
    long second = at.getEpochSecond();
    return timeline(zoneFor(endpointZone), second).contains(second);
  }

  /** The (merged) interval holding {@code at}, if any. {@code endpointZone} as in {@link #contains}. */
  public Optional<Interval> current(Instant at, ZoneId endpointZone) {
    long second = at.getEpochSecond();
    Timeline timeline = timeline(zoneFor(endpointZone), second);
    int i = timeline.firstEndingAfter(second);
    if (i < timeline.size() && timeline.start(i) <= second) {
      return Optional.of(Interval.ofEpochSeconds(timeline.start(i), timeline.end(i)));
    }
    return Optional.empty();
  }

  /**
   * The intervals ending after {@code from}, in order (the one holding {@code from} first), overlapping or touching
   * occurrences merged, at most {@code max}, starting within {@link #LOOKAHEAD} of {@code from}.
   *
   * @throws IllegalArgumentException if {@code max} is negative
   */
  public List<Interval> upcoming(Instant from, ZoneId endpointZone, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max: " + max + " (expected: >= 0)");
    }
    return IntervalCursor.merge(List.of(cursor(from, endpointZone)), max);
  }

  IntervalCursor cursor(Instant from, ZoneId endpointZone) {
    long second = from.getEpochSecond();
    return new IntervalCursor(this, zoneFor(endpointZone), second, second + LOOKAHEAD.getSeconds());
  }

  /** For people, e.g. {@code RRULE FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0 for 47h59m in each endpoint's zone}. */
  public String describe() {
    return (cron ? "cron '" + rule.text() + "'" : "RRULE " + rule.text()) + " for " + Durations.format(duration)
        + (zone == null ? " in each endpoint's zone" : " in " + zone.getId());
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowSchedule other && cron == other.cron && rule.text().equals(other.rule.text())
        && duration.equals(other.duration) && Objects.equals(zone, other.zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cron, rule.text(), duration, zone);
  }

  ZoneId zoneFor(ZoneId endpointZone) {
    return zone != null ? zone : endpointZone != null ? endpointZone : UNKNOWN_ENDPOINT_ZONE;
  }

  /** The cached timeline for {@code zone} if it covers {@code second}, else a new one (cached). */
  Timeline timeline(ZoneId zone, long second) {
    Timeline timeline = timelines.get(zone);
    if (timeline != null && timeline.covers(second)) {
      return timeline;
    }
    // Start a day early so that callers whose clocks differ a little still hit the cache.
    timeline = buildTimeline(zone, second - DAY, CACHED_SPAN);
    if (timelines.size() >= MAX_CACHED_ZONES) {
      timelines.clear();
    }
    timelines.put(zone, timeline);
    return timeline;
  }

  Timeline buildTimeline(ZoneId zone, long from, long span) {
    return Timeline.build(rule, duration.getSeconds(), zone, from, from + span);
  }
}
