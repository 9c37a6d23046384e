package dev.convoy.server.campaign.plan;

import dev.convoy.server.error.ConvoyException;
import java.util.Locale;

/**
 * A wave's gate bound: a percentage or an absolute count of deployments.
 *
 * @param percent whether {@code value} is a percentage (0–100) rather than a count
 */
public record Threshold(boolean percent, double value) {

  public static Threshold percentOf(double value) {
    return new Threshold(true, value);
  }

  public static Threshold count(int value) {
    return new Threshold(false, value);
  }

  /**
   * @throws ConvoyException INVALID_ARGUMENT naming {@code field} for a percentage outside 0–100 or a negative count
   */
  public Threshold validated(String field) {
    if (percent && (Double.isNaN(value) || value < 0 || value > 100)) {
      throw ConvoyException.invalidArgument(field + ".percent: " + value + " (expected: 0 to 100)");
    }
    if (!percent && (value < 0 || value != Math.rint(value) || value > 10_000_000)) {
      throw ConvoyException.invalidArgument(field + ".count: " + value + " (expected: a whole number >= 0)");
    }
    return this;
  }

  /** Whether {@code part} of {@code whole} reaches this bound ({@code >=}). */
  public boolean reachedBy(long part, long whole) {
    return percent ? whole > 0 && part * 100.0 >= value * whole : part >= value;
  }

  /** Whether {@code part} of {@code whole} is above this bound ({@code >}). */
  public boolean exceededBy(long part, long whole) {
    return percent ? whole > 0 && part * 100.0 > value * whole : part > value;
  }

  @Override
  public String toString() {
    return percent ? String.format(Locale.ROOT, "%s %%", trim(value)) : trim(value);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
