package dev.convoy.agent.inventory;

import java.util.Objects;

/**
 * One fact's scalar value: text, integer, real or boolean (the wire's {@code convoy.v1.FactValue}).
 * Immutable and thread-safe.
 */
public sealed interface FactValue permits FactValue.Text, FactValue.Int, FactValue.Real, FactValue.Flag {
  /** A text value. */
  record Text(String value) implements FactValue {
    public Text {
      Objects.requireNonNull(value, "text value");
    }
  }

  /** A 64-bit integer value. */
  record Int(long value) implements FactValue {}

  /** A finite double value. */
  record Real(double value) implements FactValue {
    public Real {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("real value: " + value + " (expected: a finite number)");
      }
    }
  }

  /** A boolean value. */
  record Flag(boolean value) implements FactValue {}

  static FactValue text(String value) {
    return new Text(value);
  }

  static FactValue integer(long value) {
    return new Int(value);
  }

  static FactValue real(double value) {
    return new Real(value);
  }

  static FactValue flag(boolean value) {
    return new Flag(value);
  }
}
