package dev.convoy.cli.inventory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --since} of {@code inventory history}: an ISO-8601 instant ({@code 2026-11-01T00:00:00Z}, or with an
 * offset, {@code 2026-11-01T08:00:00+01:00}), a date ({@code 2026-11-01}, midnight UTC), or an age counted back
 * from now: a positive whole number with unit {@code s}, {@code m}, {@code h}, {@code d} or {@code w} ({@code 7d},
 * {@code 12h}).
 */
public final class Since {
  private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhdw])");

  private Since() {}

  /**
   * The instant {@code text} names, ages counted back from {@code now}.
   *
   * @throws IllegalArgumentException naming the text and the expected forms
   */
  public static Instant parse(String text, Instant now) {
    String value = text == null ? "" : text.trim();
    Matcher age = AGE.matcher(value);
    if (age.matches() && Long.parseLong(age.group(1)) > 0) {
      return now.minus(duration(Long.parseLong(age.group(1)), age.group(2)));
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADate) {
        throw new IllegalArgumentException("'" + text + "' (expected: an ISO-8601 instant such as "
            + "2026-11-01T00:00:00Z, a date such as 2026-11-01, or an age such as 7d, 12h or 30m)");
      }
    }
  }

  private static Duration duration(long amount, String unit) {
    return switch (unit) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofDays(amount * 7);
    };
  }
}
