package dev.convoy.release;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A set of versions, written {@code *} (any version) or as comparators separated by single spaces that must all
 * hold, e.g. {@code >=1.2.0 <2.0.0} or {@code =1.4.2}. Operators: {@code = > >= < <=}. Precedence is semver's
 * ({@link SemanticVersion#compareTo}). Immutable.
 *
 * @param bounds the comparators; empty means any version
 */
public record VersionRange(List<Bound> bounds) {
  /** Most comparators in one range. */
  public static final int MAX_BOUNDS = 8;
  /** The range that contains every version. */
  public static final VersionRange ANY = new VersionRange(List.of());

  /** A comparison operator. */
  public enum Operator {
    EQ("="), GT(">"), GE(">="), LT("<"), LE("<=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written, e.g. {@code >=}. */
    public String symbol() {
      return symbol;
    }

    boolean holds(int comparison) {
      return switch (this) {
        case EQ -> comparison == 0;
        case GT -> comparison > 0;
        case GE -> comparison >= 0;
        case LT -> comparison < 0;
        case LE -> comparison <= 0;
      };
    }
  }

  /**
   * One comparator: a version {@code v} satisfies it when {@code v <operator> version}.
   *
   * @param operator the comparison
   * @param version the version compared against
   */
  public record Bound(Operator operator, SemanticVersion version) {
    /** @throws IllegalArgumentException when a part is missing */
    public Bound {
      Text.required("operator", operator);
      Text.required("version", version);
    }

    @Override
    public String toString() {
      return operator.symbol() + version;
    }
  }

  /** @throws IllegalArgumentException with more than {@link #MAX_BOUNDS} comparators */
  public VersionRange {
    bounds = List.copyOf(bounds);
    if (bounds.size() > MAX_BOUNDS) {
      throw new IllegalArgumentException("version range: " + bounds.size() + " comparators (expected: at most "
          + MAX_BOUNDS + ")");
    }
  }

  /**
   * Parses {@code *} or comparators such as {@code >=1.2.0 <2.0.0}.
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static VersionRange parse(String text) {
    Text.required("version range", text);
    if (text.equals("*")) {
      return ANY;
    }
    List<Bound> bounds = new ArrayList<>();
    for (String part : text.split(" ", -1)) {
      bounds.add(bound(text, part));
      if (bounds.size() > MAX_BOUNDS) {
        break; // the constructor names the limit
      }
    }
    return new VersionRange(bounds);
  }

  private static Bound bound(String text, String part) {
    Operator op = part.startsWith(">=") ? Operator.GE
        : part.startsWith("<=") ? Operator.LE
        : part.startsWith(">") ? Operator.GT
        : part.startsWith("<") ? Operator.LT
        : part.startsWith("=") ? Operator.EQ : null;
    try {
      if (op == null) {
        throw new IllegalArgumentException("no operator");
      }
      return new Bound(op, SemanticVersion.parse(part.substring(op.symbol().length())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("version range: " + Text.quoted(text) + " (expected: * or comparators"
          + " such as >=1.2.0 <2.0.0, separated by one space, operators = > >= < <=)", e);
    }
  }

  /** Whether {@code version} satisfies every comparator. */
  public boolean contains(SemanticVersion version) {
    return bounds.stream().allMatch(b -> b.operator().holds(version.compareTo(b.version())));
  }

  /** The range as written: {@code *} or the comparators joined by one space. */
  @Override
  public String toString() {
    return bounds.isEmpty() ? "*" : bounds.stream().map(Bound::toString).collect(Collectors.joining(" "));
  }
}
