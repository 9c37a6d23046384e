package dev.convoy.cli.campaign.options;

import dev.convoy.protocol.v1.Threshold;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A wave threshold as text: {@code 90%} (a percentage, 0 to 100, decimals allowed) or {@code 2} (a count of
 * endpoints). Stateless.
 */
public final class Thresholds {
  private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,3})?%");
  private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

  private Thresholds() {}

  /** @throws IllegalArgumentException naming the text and the expected forms */
  public static Threshold parse(String text) {
    String value = text == null ? "" : text.trim();
    if (PERCENT.matcher(value).matches()) {
      double percent = Double.parseDouble(value.substring(0, value.length() - 1));
      if (percent <= 100) {
        return Threshold.newBuilder().setPercent(percent).build();
      }
    } else if (COUNT.matcher(value).matches()) {
      return Threshold.newBuilder().setCount(Integer.parseInt(value)).build();
    }
    throw new IllegalArgumentException("'" + text + "' (expected: a percentage 0%..100% such as 90%, or a count of"
        + " endpoints such as 2)");
  }

  /** {@code 90%}, {@code 12.5%}, {@code 2}, or {@code -} when unset. */
  public static String format(Threshold threshold) {
    return switch (threshold.getKindCase()) {
      case PERCENT -> BigDecimal.valueOf(threshold.getPercent()).stripTrailingZeros().toPlainString() + "%";
      case COUNT -> String.valueOf(threshold.getCount());
      case KIND_NOT_SET -> "-";
    };
  }
}
