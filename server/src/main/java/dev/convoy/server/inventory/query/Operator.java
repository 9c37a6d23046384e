package dev.convoy.server.inventory.query;

/** The operator of a {@link Expr.Comparison}. */
public enum Operator {
  EQUALS("="),
  NOT_EQUALS("!="),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  /** Case-insensitive glob: {@code *} any run of characters, {@code ?} one character, {@code \} escapes. */
  GLOB("~");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** How the operator is written in a query. */
  public String symbol() {
    return symbol;
  }

  /** {@code <}, {@code <=}, {@code >} or {@code >=}. */
  public boolean isOrdering() {
    return this == LESS || this == LESS_OR_EQUAL || this == GREATER || this == GREATER_OR_EQUAL;
  }

  /** Whether {@code comparison}, the sign of (document value - literal), satisfies this ordering or equality. */
  boolean accepts(int comparison) {
    return switch (this) {
      case EQUALS -> comparison == 0;
      case NOT_EQUALS -> comparison != 0;
      case LESS -> comparison < 0;
      case LESS_OR_EQUAL -> comparison <= 0;
      case GREATER -> comparison > 0;
      case GREATER_OR_EQUAL -> comparison >= 0;
      case GLOB -> throw new IllegalStateException("glob is not an ordering");
    };
  }
}
