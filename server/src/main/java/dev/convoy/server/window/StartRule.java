package dev.convoy.server.window;

import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;

/**
 * The start times of a recurrence as local date-times, each encoded as the epoch second that date-time would have
 * in UTC ("floating" time: no zone, so no DST). Implementations are immutable and thread-safe; the cursors they
 * hand out are not.
 */
interface StartRule {
  /** Returned by {@link Starts#next()} when the recurrence has no further start. */
  long NONE = Long.MAX_VALUE;

  /** Most start times a rule may have in one day (one a minute): bounds the cost of evaluating a window. */
  int MAX_STARTS_PER_DAY = 1440;

  /** An ascending cursor over the start times at or after {@code localSecond}. */
  Starts startsFrom(long localSecond);

  /** The rule as written (trimmed), e.g. {@code "FREQ=WEEKLY;BYDAY=SA"} or {@code "0 0 * * SAT"}. */
  String text();

  /** A cursor over start times. Not thread-safe. */
  interface Starts {
    /** The next start (local epoch second), or {@link #NONE}. */
    long next();
  }

  static ConvoyException invalid(String field, String value, String expected) {
    return ConvoyException.invalidArgument(field + ": " + Require.shown(value) + " (expected: " + expected + ")");
  }
}
