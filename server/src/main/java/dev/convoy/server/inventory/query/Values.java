package dev.convoy.server.inventory.query;

import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * The type-aware comparison of one document value with one literal; see the package documentation for the rules.
 * Never throws: a pair that has no meaningful order (a boolean and a number, a map and anything) is simply not
 * comparable, and every comparison involving it is false.
 */
final class Values {
  private Values() {}

  /** Strings, longs, doubles and booleans: the values a comparison can look at. */
  static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean;
  }

  static boolean satisfies(Object actual, Operator operator, Literal literal, boolean versionField) {
    if (!isScalar(actual)) {
      return false;
    }
    if (operator == Operator.NOT_EQUALS) {
      return !satisfies(actual, Operator.EQUALS, literal, versionField);
    }
    if (operator == Operator.GLOB) {
      return !(actual instanceof Boolean) && literal instanceof Literal.Str pattern
          && Glob.matches(pattern.value(), text(actual));
    }
    OptionalInt order = compare(actual, literal, versionField, operator.isOrdering());
    return order.isPresent() && operator.accepts(order.getAsInt());
  }

  /** The sign of (actual - literal) under the rules, or empty when the two are not comparable. */
  static OptionalInt compare(Object actual, Literal literal, boolean versionField, boolean ordering) {
    if (literal instanceof Literal.Bool bool) {
      return actual instanceof Boolean b && !ordering ? OptionalInt.of(b == bool.value() ? 0 : 1) : OptionalInt.empty();
    }
    if (actual instanceof Boolean) {
      return OptionalInt.empty();
    }
    String actualText = text(actual);
    String literalText = literal instanceof Literal.Str str ? str.value() : ((Literal.Num) literal).text();
    if (versionField) {
      return OptionalInt.of(VersionComparator.INSTANCE.compare(actualText, literalText));
    }
    boolean numberInvolved = !(actual instanceof String) || literal instanceof Literal.Num;
    if (numberInvolved) {
      if (Syntax.isNumber(actualText) && Syntax.isNumber(literalText)) {
        return OptionalInt.of(new BigDecimal(actualText).compareTo(new BigDecimal(literalText)));
      }
      // One side is a number, the other a string that is not one: "7.5.9" < 7.6 still reads as versions.
      String other = actual instanceof String ? actualText : literalText;
      return VersionComparator.looksLikeVersion(other)
          ? OptionalInt.of(VersionComparator.INSTANCE.compare(actualText, literalText)) : OptionalInt.empty();
    }
    if (ordering && (VersionComparator.looksLikeVersion(actualText)
        || VersionComparator.looksLikeVersion(literalText))) {
      return OptionalInt.of(VersionComparator.INSTANCE.compare(actualText, literalText));
    }
    return OptionalInt.of(Integer.signum(actualText.compareTo(literalText)));
  }

  /** The text of a scalar; a double is written without exponent so that it reads as a number or a version. */
  static String text(Object scalar) {
    if (scalar instanceof Double d) {
      return BigDecimal.valueOf(d).toPlainString();
    }
    return scalar.toString();
  }
}
