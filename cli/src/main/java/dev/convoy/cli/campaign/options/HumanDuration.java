package dev.convoy.cli.campaign.options;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Durations as people type them on the command line: whole numbers with units {@code d}, {@code h}, {@code m},
 * {@code s} in that order, alone or combined ({@code 90s}, {@code 30m}, {@code 72h}, {@code 3d}, {@code 1h30m},
 * {@code 2d12h}), {@code 0}, or ISO-8601 ({@code PT72H}, {@code P3DT12H}). Never negative. Stateless.
 */
public final class HumanDuration implements CommandLine.ITypeConverter<Duration> {
  /** What the error messages say was expected. */
  public static final String EXPECTED =
      "expected: a duration such as 90s, 30m, 72h, 3d, 1h30m or ISO-8601 PT72H";
  private static final Pattern UNITS = Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,7})h)?(?:(\\d{1,9})m)?(?:(\\d{1,10})s)?");

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the text and the expected forms
   */
  public static Duration parse(String text) {
    String value = text == null ? "" : text.trim();
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    if (value.length() > 1 && (value.charAt(0) == 'P' || value.charAt(0) == 'p')) {
      return iso(text, value);
    }
    Matcher units = UNITS.matcher(value);
    if (value.isEmpty() || !units.matches()) {
      throw new IllegalArgumentException("'" + text + "' (" + EXPECTED + ")");
    }
    return Duration.ofDays(amount(units.group(1))).plusHours(amount(units.group(2)))
        .plusMinutes(amount(units.group(3))).plusSeconds(amount(units.group(4)));
  }

  /** Like {@link #parse}, but 0 is refused too. @throws IllegalArgumentException naming the text */
  public static Duration parsePositive(String text) {
    Duration duration = parse(text);
    if (duration.isZero()) {
      throw new IllegalArgumentException("'" + text + "' (expected: a duration > 0, e.g. 47h59m)");
    }
    return duration;
  }

  /**
   * The short form this class parses: {@code 47h59m}, {@code 72h}, {@code 1m30s}, {@code 0s}; whole days
   * ({@code 7d}) only beyond 72 hours, because a lead time of {@code 72h} reads better than {@code 3d}.
   */
  public static String format(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return duration.isZero() ? "0s" : duration.toString();
    }
    long seconds = duration.getSeconds();
    if (seconds % 86_400 == 0 && seconds > 72 * 3600) {
      return seconds / 86_400 + "d";
    }
    StringBuilder text = new StringBuilder();
    append(text, seconds / 3600, "h");
    append(text, seconds % 3600 / 60, "m");
    append(text, seconds % 60, "s");
    return text.length() == 0 ? duration.toString() : text.toString();
  }

  /** The protobuf form. */
  public static com.google.protobuf.Duration toProto(Duration duration) {
    return com.google.protobuf.Duration.newBuilder().setSeconds(duration.getSeconds())
        .setNanos(duration.getNano()).build();
  }

  /** {@link #format} of a protobuf duration. */
  public static String format(com.google.protobuf.Duration duration) {
    return format(Duration.ofSeconds(duration.getSeconds(), duration.getNanos()));
  }

  @Override
  public Duration convert(String value) {
    try {
      return parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  private static Duration iso(String text, String value) {
    try {
      Duration duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      if (duration.isNegative()) {
        throw new IllegalArgumentException("'" + text + "' is negative (expected: a duration >= 0)");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' (" + EXPECTED + ")", e);
    }
  }

  private static long amount(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount != 0) {
      text.append(amount).append(unit);
    }
  }
}
