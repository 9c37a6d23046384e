/**
 * Maintenance windows: when a campaign may install. Pure domain code (no transport or storage types).
 *
 * <p>A {@link dev.convoy.server.window.WindowSchedule} is a recurrence giving <em>start times</em>, a
 * <em>duration</em> and a <em>zone</em>; {@link dev.convoy.server.window.Windows} is the union of a campaign's
 * schedules (none: installs may happen at any time).
 *
 * <h2>Recurrences</h2>
 * <ul>
 *   <li>RRULE (RFC 5545, parsed by lib-recur), this subset: {@code FREQ=DAILY|WEEKLY|MONTHLY}, {@code INTERVAL},
 *       {@code BYDAY} (with an ordinal such as {@code 1SA} or {@code -1SU} only for MONTHLY), {@code BYMONTHDAY},
 *       {@code BYMONTH}, {@code BYHOUR}, {@code BYMINUTE}, {@code BYSECOND}, {@code WKST}. An optional
 *       {@code RRULE:} prefix is accepted. Not accepted: {@code COUNT}, {@code UNTIL}, {@code BYSETPOS},
 *       {@code BYWEEKNO}, {@code BYYEARDAY}, other frequencies. A window has no DTSTART: rules are evaluated as if
 *       DTSTART were 1970-01-01T00:00:00 local time, so a part left out takes its value from it (time 00:00:00,
 *       day of month 1) and {@code INTERVAL} counts days, weeks (starting on WKST, Monday by default) or months
 *       from the one holding 1970-01-01. FREQ=WEEKLY needs BYDAY (else it would silently mean Thursdays).</li>
 *   <li>cron: five fields (minute hour day-of-month month day-of-week) with ranges, lists, steps and names
 *       ({@code SAT}, {@code MON-FRI}, {@code JAN}); day-of-week 0 and 7 are Sunday; when both day fields are
 *       restricted a day matching either fires (classic Unix cron). Parsed by cron-utils.</li>
 *   <li>A recurrence may fire at most 1440 times a day, and must fire at all (e.g. February 30 is refused).</li>
 * </ul>
 *
 * <h2>Time zones and wall-clock time</h2>
 * <ul>
 *   <li>Start times are local date-times in the schedule's zone: an IANA id, or {@code "endpoint"} (the default)
 *       for each endpoint's own zone, given at evaluation time (UTC when the endpoint's zone is unknown).</li>
 *   <li>The duration is wall-clock time: a window starting at local date-time {@code s} ends at local date-time
 *       {@code s + duration}, each resolved in the zone. Saturday 00:00 + 47h59m ends Sunday 23:59 local time,
 *       even when a DST change makes that 46h59m or 48h59m of elapsed time.</li>
 *   <li>A local date-time in a DST gap moves forward by the gap's length (02:30 in a one-hour spring-forward gap
 *       is 03:30 of the new offset); one in an overlap takes the earlier offset (the first of the two 02:30s).
 *       This is {@link java.time.ZonedDateTime#of(java.time.LocalDateTime, java.time.ZoneId)}. A window whose
 *       end so resolved is not after its start (a start in a gap with a duration shorter than the gap) is empty
 *       and skipped.</li>
 * </ul>
 *
 * <h2>Intervals</h2>
 * Intervals are half-open, {@code [start, end)}: the start instant is inside, the end instant is not.
 * Occurrences that overlap or touch are merged into one interval, within a schedule and across the schedules of a
 * {@code Windows}. Look-ahead is bounded ({@link dev.convoy.server.window.WindowSchedule#LOOKAHEAD}): an interval
 * running past it is reported as far as it was computed.
 *
 * <h2>Cost</h2>
 * Each schedule keeps, per zone, a precomputed timeline of merged intervals covering about a month (less for a
 * rule firing every few minutes); {@code contains} is then a binary search without allocation, and the timeline
 * is rebuilt only when the asked instant leaves it. {@code upcoming} walks further timelines as far as it needs.
 * Parse a schedule once and keep it (e.g. with its campaign): the cache lives in the instance. cron-utils takes
 * tens of microseconds per start time, so a cron rule firing every minute costs about a second per rebuild.
 * All types here are immutable and thread-safe.
 */
package dev.convoy.server.window;
