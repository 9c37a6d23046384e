package dev.convoy.server.inventory.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed inventory query, e.g.
 * {@code os.family = "debian" and hardware.memory_gb < 8 and software["libreoffice"].version < "7.6"};
 * the language is described in the {@linkplain dev.convoy.server.inventory.query package documentation}.
 *
 * <p>Two queries are equal when their syntax trees are; {@link #toString()} is the canonical text, which parses
 * back to an equal query. Immutable and thread-safe: parse once, match against any number of documents.
 */
public final class Query {
  /** The longest query text accepted, in characters. */
  public static final int MAX_LENGTH = 4096;
  /** How deeply parentheses and {@code not} may nest. */
  public static final int MAX_DEPTH = 64;

  private final Expr expression;

  private Query(Expr expression) {
    this.expression = expression;
  }

  /**
   * Parses {@code text}. Keywords are case-insensitive; whitespace is free.
   *
   * @throws QuerySyntaxException at the first error, with its column and what was expected there; also for a
   *     text longer than {@link #MAX_LENGTH} or nested deeper than {@link #MAX_DEPTH}
   */
  public static Query parse(String text) {
    return new Query(Parser.parseQuery(Objects.requireNonNull(text, "query")));
  }

  /** The syntax tree. */
  public Expr expression() {
    return expression;
  }

  /** Whether {@code document} satisfies this query. Never throws, whatever the document holds. */
  public boolean matches(InventoryDocument document) {
    return expression.matches(Objects.requireNonNull(document, "document"));
  }

  /**
   * Every path the query reads, in order of first appearance. A dynamic group needs recomputing for an endpoint
   * only when a fact under one of these paths changed; {@link #dependsOn} makes that test.
   */
  public Set<Path> paths() {
    Set<Path> paths = new LinkedHashSet<>();
    collectPaths(expression, paths);
    return Collections.unmodifiableSet(paths);
  }

  /**
   * Whether a change to the fact at {@code leaf} can change this query's result; {@code leaf} is a concrete path
   * such as a key of {@link InventoryDocument#flatten()}. When an agent's new report differs from the stored one
   * only in leaves this query does not depend on, the endpoint's membership in a dynamic group stays the same.
   */
  public boolean dependsOn(Path leaf) {
    return paths().stream().anyMatch(path -> path.overlaps(leaf));
  }

  private static void collectPaths(Expr expr, Set<Path> out) {
    if (expr instanceof Expr.Predicate predicate) {
      out.add(predicate.path());
    } else if (expr instanceof Expr.Not not) {
      collectPaths(not.operand(), out);
    } else {
      (expr instanceof Expr.And and ? and.operands() : ((Expr.Or) expr).operands())
          .forEach(operand -> collectPaths(operand, out));
    }
  }

  /**
   * The predicates an index can answer: the top-level conjuncts (through nested {@code and}s, not through
   * {@code or} or {@code not}) that are {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code in} or
   * {@code exists} on a path that has an {@link Path#indexKey() index key}. Every document the query matches
   * satisfies every one of them, so the documents an index returns for any one (or the intersection for several)
   * are a superset of the matches: re-check the candidates with {@link #matches}, which also applies the parts an
   * index cannot. Empty when the query offers no such predicate and must scan.
   */
  public List<Expr.Predicate> indexablePredicates() {
    List<Expr.Predicate> out = new ArrayList<>();
    collectIndexable(expression, out);
    return List.copyOf(out);
  }

  private static void collectIndexable(Expr expr, List<Expr.Predicate> out) {
    if (expr instanceof Expr.And and) {
      and.operands().forEach(operand -> collectIndexable(operand, out));
    } else if (expr instanceof Expr.Predicate predicate && isIndexable(predicate)
        && predicate.path().indexKey().isPresent()) {
      out.add(predicate);
    }
  }

  private static boolean isIndexable(Expr.Predicate predicate) {
    if (predicate instanceof Expr.Comparison comparison) {
      Operator operator = comparison.operator();
      return operator == Operator.EQUALS || operator.isOrdering();
    }
    return predicate instanceof Expr.Membership membership ? !membership.negated()
        : !((Expr.Existence) predicate).negated();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Query query && expression.equals(query.expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  /** The canonical query text. */
  @Override
  public String toString() {
    return expression.toString();
  }
}
