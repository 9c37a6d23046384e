package dev.convoy.cli.output;

import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Human renderings of protobuf timestamps: relative ("3m ago") and ISO-8601 UTC to the second. */
public final class Times {
  private Times() {}

  /** The instant of {@code timestamp}, or {@code null} when unset (all zero). */
  public static Instant instant(Timestamp timestamp) {
    if (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0) {
      return null;
    }
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /** {@code 2026-11-29T06:27:37Z}, or {@code -} when unset. */
  public static String iso(Timestamp timestamp) {
    Instant instant = instant(timestamp);
    return instant == null ? "-" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** {@code 2026-11-29T06:27:37.250Z} to the nanosecond the server sent, or empty when unset: for CSV. */
  public static String exact(Timestamp timestamp) {
    Instant instant = instant(timestamp);
    return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** {@code 12s ago (2026-11-29T06:27:37Z)}, or {@code never} when unset. */
  public static String relativeAndIso(Timestamp timestamp, Instant now) {
    Instant instant = instant(timestamp);
    return instant == null ? "never" : relative(instant, now) + " (" + iso(timestamp) + ")";
  }

  /** {@code just now}, {@code 42s ago}, {@code 5m ago}, {@code 3h ago}, {@code 2d ago}, or {@code in 5m}. */
  public static String relative(Instant instant, Instant now) {
    Duration age = Duration.between(instant, now);
    boolean future = age.isNegative();
    long seconds = Math.abs(age.toSeconds());
    if (seconds < 1) {
      return "just now";
    }
    String amount = seconds < 60 ? seconds + "s"
        : seconds < 3600 ? seconds / 60 + "m"
        : seconds < 86_400 ? seconds / 3600 + "h"
        : seconds / 86_400 + "d";
    return future ? "in " + amount : amount + " ago";
  }
}
