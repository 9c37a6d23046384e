package dev.convoy.server.inventory.query;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The syntax tree of a query. Every node is an immutable record whose {@code toString()} is canonical query text:
 * {@code Query.parse(expr.toString()).expression()} equals {@code expr}. Parentheses are written only where the
 * precedence ({@code not} over {@code and} over {@code or}) needs them, and around a nested {@code and}/{@code or}
 * that the author grouped explicitly, so that the tree, not just its meaning, survives the round trip.
 */
public sealed interface Expr permits Expr.Or, Expr.And, Expr.Not, Expr.Predicate {

  /** Evaluates this node against {@code document}; see {@link Query#matches}. Never throws for any document. */
  default boolean matches(InventoryDocument document) {
    return Evaluator.matches(this, document);
  }

  /** A leaf condition on one path. */
  sealed interface Predicate extends Expr permits Comparison, Membership, Existence {
    Path path();
  }

  /** True when any operand is true. */
  record Or(List<Expr> operands) implements Expr {
    /** @throws IllegalArgumentException with fewer than two operands */
    public Or {
      operands = atLeastTwo("or", operands);
    }

    @Override
    public String toString() {
      return join(operands, " or ", Or.class);
    }
  }

  /** True when every operand is true. */
  record And(List<Expr> operands) implements Expr {
    /** @throws IllegalArgumentException with fewer than two operands */
    public And {
      operands = atLeastTwo("and", operands);
    }

    @Override
    public String toString() {
      return join(operands, " and ", And.class);
    }
  }

  /** Logical negation: {@code not os.family = "debian"} is also true when {@code os.family} is missing. */
  record Not(Expr operand) implements Expr {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public String toString() {
      boolean group = operand instanceof Or || operand instanceof And;
      return "not " + (group ? "(" + operand + ")" : operand.toString());
    }
  }

  /**
   * {@code path op literal}. True when some value at the path satisfies it; for {@code !=}, when the path has at
   * least one scalar value and none equals the literal. Ordering never applies to booleans, glob only to strings.
   */
  record Comparison(Path path, Operator operator, Literal value) implements Predicate {
    /** @throws IllegalArgumentException for an ordering on a boolean or a glob on a non-string */
    public Comparison {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
      if (operator.isOrdering() && value instanceof Literal.Bool) {
        throw new IllegalArgumentException("comparison " + operator.symbol() + ": " + value
            + " (expected: a number or a string)");
      }
      if (operator == Operator.GLOB && !(value instanceof Literal.Str)) {
        throw new IllegalArgumentException("comparison ~: " + value + " (expected: a quoted pattern)");
      }
    }

    /**
     * Whether one leaf value (a string, long, double or boolean) satisfies this comparison on its own, with the
     * path's comparison rules (e.g. version ordering for a {@code version} field). An index planner filters index
     * entries with it.
     */
    public boolean test(Object leafValue) {
      return Values.satisfies(leafValue, operator, value, path.isVersionField());
    }

    @Override
    public String toString() {
      return path + " " + operator.symbol() + " " + value;
    }
  }

  /**
   * {@code path in [..]}: some value at the path equals one of the literals. {@code path not in [..]}: the path has
   * at least one scalar value and none equals any of the literals.
   */
  record Membership(Path path, List<Literal> values, boolean negated) implements Predicate {
    public Membership {
      Objects.requireNonNull(path, "path");
      values = List.copyOf(values);
    }

    /** Whether one leaf value equals one of the literals ({@code in}), or none of them ({@code not in}). */
    public boolean test(Object leafValue) {
      boolean member = values.stream().anyMatch(literal ->
          Values.satisfies(leafValue, Operator.EQUALS, literal, path.isVersionField()));
      return negated ? Values.isScalar(leafValue) && !member : member;
    }

    @Override
    public String toString() {
      String list = values.stream().map(Literal::toString).collect(Collectors.joining(", ", "[", "]"));
      return path + (negated ? " not in " : " in ") + list;
    }
  }

  /** {@code path exists}: the path leads to at least one value (of any type); {@code not exists}: to none. */
  record Existence(Path path, boolean negated) implements Predicate {
    public Existence {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
      return path + (negated ? " not exists" : " exists");
    }
  }

  private static List<Expr> atLeastTwo(String operator, List<Expr> operands) {
    List<Expr> copy = List.copyOf(operands);
    if (copy.size() < 2) {
      throw new IllegalArgumentException(operator + ": " + copy.size() + " operands (expected: at least 2)");
    }
    return copy;
  }

  /** An {@code or} inside {@code or}, or any {@code and}/{@code or} inside {@code and}, was grouped by its author. */
  private static String join(List<Expr> operands, String separator, Class<? extends Expr> parent) {
    return operands.stream()
        .map(operand -> operand instanceof Or || (parent == And.class && operand instanceof And)
            ? "(" + operand + ")" : operand.toString())
        .collect(Collectors.joining(separator));
  }
}
