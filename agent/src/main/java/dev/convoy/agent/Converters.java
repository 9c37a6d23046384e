package dev.convoy.agent;

import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.ServerAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line value types; a malformed value is a usage error naming what was expected. */
final class Converters {
  private Converters() {}

  static final class ServerAddressConverter implements ITypeConverter<ServerAddress> {
    @Override
    public ServerAddress convert(String value) {
      try {
        return ServerAddress.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class FingerprintConverter implements ITypeConverter<Fingerprint> {
    @Override
    public Fingerprint convert(String value) {
      try {
        return Fingerprint.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class RateConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        long rate = Long.parseLong(value.trim());
        if (rate >= 0) {
          return rate;
        }
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
      throw new TypeConversionException("'" + value + "' (expected: bytes per second, >= 0; 0 = unlimited)");
    }
  }

  /** {@code 90s}, {@code 30m}, {@code 72h}, {@code 3d}, combinations such as {@code 1h30m}, or ISO-8601 {@code PT72H}. */
  static final class DurationConverter implements ITypeConverter<java.time.Duration> {
    private static final java.util.regex.Pattern SHORT = java.util.regex.Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,6})h)?"
        + "(?:(\\d{1,6})m)?(?:(\\d{1,9})s)?");

    @Override
    public java.time.Duration convert(String value) {
      String text = value.trim();
      java.time.Duration duration = null;
      if (text.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
        try {
          duration = java.time.Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
          duration = null;
        }
      } else {
        java.util.regex.Matcher m = SHORT.matcher(text);
        if (!text.isEmpty() && m.matches()) {
          duration = java.time.Duration.ofDays(part(m, 1)).plusHours(part(m, 2)).plusMinutes(part(m, 3))
              .plusSeconds(part(m, 4));
        }
      }
      if (duration == null || duration.isZero() || duration.isNegative()) {
        throw new TypeConversionException("'" + value + "' (expected: a duration > 0 such as 90s, 30m, 4h, 3d, 1h30m "
            + "or PT4H)");
      }
      return duration;
    }

    private static long part(java.util.regex.Matcher m, int group) {
      return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }
  }
}
