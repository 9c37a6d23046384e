package dev.convoy.server.inventory.query;

import java.math.BigDecimal;
import java.util.Objects;

/** A constant in a query: a double-quoted string, a decimal number, or {@code true}/{@code false}. Immutable. */
public sealed interface Literal permits Literal.Str, Literal.Num, Literal.Bool {

  /** A string literal; {@link #toString()} writes it quoted and escaped. */
  record Str(String value) implements Literal {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return Syntax.quote(value);
    }
  }

  /**
   * A number literal, kept as written ({@code 7.10} stays {@code 7.10}) because, compared with a version, its text
   * matters: {@code 7.10} is a later version than {@code 7.6} though a smaller number.
   *
   * @param text {@code -?[0-9]+(\.[0-9]+)?}
   */
  record Num(String text) implements Literal {
    /** @throws IllegalArgumentException if {@code text} is not a decimal number without exponent */
    public Num {
      if (text == null || !Syntax.isNumber(text)) {
        throw new IllegalArgumentException("number literal: " + text + " (expected: digits with an optional"
            + " leading '-' and an optional fraction, e.g. 8 or -1.5)");
      }
    }

    /** The exact numeric value. */
    public BigDecimal value() {
      return new BigDecimal(text);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements Literal {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }
}
