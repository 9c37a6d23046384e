package dev.convoy.cli.inventory;

import dev.convoy.cli.output.ByteSizes;
import dev.convoy.protocol.v1.Fact;
import dev.convoy.protocol.v1.FactValue;
import java.math.BigDecimal;

/**
 * Fact values as text: {@link #raw} for CSV (text as is, integers, reals without needless trailing zeros,
 * {@code true}/{@code false}) and {@link #human} for tables, which also shows sizes in binary units where the
 * path ends in {@code _bytes}.
 */
public final class FactValues {
  private FactValues() {}

  /** The value's type as {@code inventory show --output csv} names it; empty when unset. */
  public static String type(FactValue value) {
    return switch (value.getKindCase()) {
      case TEXT -> "text";
      case INTEGER -> "integer";
      case REAL -> "real";
      case FLAG -> "boolean";
      case KIND_NOT_SET -> "";
    };
  }

  /** {@code Debian GNU/Linux 12}, {@code 16663814144}, {@code 15.5}, {@code 8}, {@code true}; empty when unset. */
  public static String raw(FactValue value) {
    return switch (value.getKindCase()) {
      case TEXT -> value.getText();
      case INTEGER -> Long.toString(value.getInteger());
      case REAL -> real(value.getReal());
      case FLAG -> Boolean.toString(value.getFlag());
      case KIND_NOT_SET -> "";
    };
  }

  /** {@link #raw}, except numbers at a path whose last key ends in {@code _bytes}: {@code 15.5 GiB}. */
  public static String human(String path, FactValue value) {
    boolean bytes = FactPath.of(path).lastKey().filter(k -> k.endsWith("_bytes")).isPresent();
    if (bytes && value.getKindCase() == FactValue.KindCase.INTEGER) {
      return ByteSizes.human(value.getInteger());
    }
    if (bytes && value.getKindCase() == FactValue.KindCase.REAL && Double.isFinite(value.getReal())
        && Math.abs(value.getReal()) < Long.MAX_VALUE) {
      return ByteSizes.human(Math.round(value.getReal()));
    }
    return raw(value);
  }

  /** {@link #human} of a fact. */
  public static String human(Fact fact) {
    return human(fact.getPath(), fact.getValue());
  }

  /** {@code 7.6}, {@code 16}, {@code 0.0000001}: the shortest decimal that reads back as {@code value}, plainly. */
  static String real(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value); // NaN, Infinity, -Infinity: agents should not send them; show what came
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
