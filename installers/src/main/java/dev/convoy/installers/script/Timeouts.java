package dev.convoy.installers.script;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code timeout} parameter that bounds every program a backend runs. Stateless and thread-safe. */
public final class Timeouts {
  public static final String PARAMETER = "timeout";
  public static final Duration DEFAULT = Duration.ofMinutes(10);
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  private Timeouts() {}

  /**
   * The {@code timeout} parameter, or 10 minutes when absent. Accepted: seconds ({@code 90}), a number with a unit
   * ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}) or ISO-8601 ({@code PT10M}).
   *
   * @throws IllegalArgumentException when the value is malformed or not positive, naming the parameter
   */
  public static Duration fromParameters(Map<String, String> parameters) {
    String value = parameters.get(PARAMETER);
    if (value == null) {
      return DEFAULT;
    }
    Duration parsed = parse(value.trim());
    if (parsed == null || parsed.isZero() || parsed.isNegative()) {
      throw new IllegalArgumentException("parameter " + PARAMETER + ": '" + value
          + "' (expected: a positive duration such as 90, 30s, 10m, 2h or PT10M)");
    }
    return parsed;
  }

  private static Duration parse(String value) {
    Matcher m = SHORT.matcher(value.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofSeconds(amount);
      };
    }
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
