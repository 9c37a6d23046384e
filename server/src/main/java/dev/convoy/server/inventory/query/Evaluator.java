package dev.convoy.server.inventory.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Evaluates a syntax tree against a document. Recursion depth is that of the tree, bounded by the parser. */
final class Evaluator {
  private Evaluator() {}

  static boolean matches(Expr expr, InventoryDocument document) {
    if (expr instanceof Expr.Or or) {
      return or.operands().stream().anyMatch(operand -> matches(operand, document));
    }
    if (expr instanceof Expr.And and) {
      return and.operands().stream().allMatch(operand -> matches(operand, document));
    }
    if (expr instanceof Expr.Not not) {
      return !matches(not.operand(), document);
    }
    if (expr instanceof Expr.Existence existence) {
      return document.values(existence.path()).isEmpty() == existence.negated();
    }
    if (expr instanceof Expr.Comparison comparison) {
      return holds(leaves(document, comparison.path()), comparison.operator() == Operator.NOT_EQUALS,
          comparison::test);
    }
    Expr.Membership membership = (Expr.Membership) expr;
    return holds(leaves(document, membership.path()), membership.negated(), membership::test);
  }

  /**
   * A positive predicate needs one value that passes; a negative one ({@code !=}, {@code not in}) needs at least
   * one scalar and every scalar to pass, so that {@code tags != "kiosk"} is false for {@code tags = ["kiosk", "lab"]}.
   */
  private static boolean holds(List<Object> leaves, boolean negative, Predicate<Object> test) {
    if (!negative) {
      return leaves.stream().anyMatch(test);
    }
    List<Object> scalars = leaves.stream().filter(Values::isScalar).toList();
    return !scalars.isEmpty() && scalars.stream().allMatch(test);
  }

  /** The values at the path, with lists at its end replaced by their elements (at any nesting). */
  private static List<Object> leaves(InventoryDocument document, Path path) {
    List<Object> out = new ArrayList<>();
    document.values(path).forEach(value -> expand(value, out));
    return out;
  }

  private static void expand(Object value, List<Object> out) {
    if (value instanceof List<?> list) {
      list.forEach(element -> expand(element, out));
    } else {
      out.add(value);
    }
  }
}
