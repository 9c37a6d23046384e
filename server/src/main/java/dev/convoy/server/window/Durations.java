package dev.convoy.server.window;

import java.time.Duration;

/** Durations written the way the CLI reads them: {@code 47h59m}, {@code 90s}. Stateless. */
final class Durations {
  private Durations() {}

  static String format(Duration duration) {
    long seconds = duration.getSeconds();
    StringBuilder text = new StringBuilder();
    append(text, seconds / 3600, "h");
    append(text, seconds / 60 % 60, "m");
    append(text, seconds % 60, "s");
    return text.length() == 0 ? "0s" : text.toString();
  }

  private static void append(StringBuilder text, long value, String unit) {
    if (value != 0) {
      text.append(value).append(unit);
    }
  }
}
