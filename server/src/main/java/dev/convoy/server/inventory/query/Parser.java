package dev.convoy.server.inventory.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the grammar in the package documentation. Recursion happens only through
 * parentheses and {@code not}, both counted against {@link Query#MAX_DEPTH}; {@code and}/{@code or} chains and
 * lists are loops. So no input can overflow the stack. Not thread-safe; one instance parses one text.
 */
final class Parser {
  private static final String OPERATORS = "=, !=, <, <=, >, >=, ~, in, not in, exists or not exists";

  private final String text;
  private final Lexer lexer;
  private Token current;
  private int depth;

  private Parser(String text) {
    if (text.length() > Query.MAX_LENGTH) {
      throw new QuerySyntaxException(text, Query.MAX_LENGTH + 1, "query is " + text.length()
          + " characters long (expected: at most " + Query.MAX_LENGTH + ")");
    }
    this.text = text;
    this.lexer = new Lexer(text);
    this.current = lexer.next();
  }

  static Expr parseQuery(String text) {
    Parser parser = new Parser(text);
    Expr expr = parser.or("");
    parser.expectEnd("expected 'and', 'or' or end of query");
    return expr;
  }

  static Path parsePath(String text) {
    Parser parser = new Parser(text);
    if (!parser.startsPath()) {
      throw parser.error("expected a path", parser.current, "");
    }
    Path path = parser.path();
    parser.expectEnd("expected '.', '[' or end of path");
    return path;
  }

  private void expectEnd(String expected) {
    if (current.type() != Token.Type.END) {
      String hint = current.type() == Token.Type.RIGHT_PAREN ? " (no '(' to close)" : "";
      throw error(expected, current, hint);
    }
  }

  private Expr or(String after) {
    Expr first = and(after);
    if (!current.is("or")) {
      return first;
    }
    List<Expr> operands = new ArrayList<>(List.of(first));
    while (current.is("or")) {
      advance();
      operands.add(and(" after 'or'"));
    }
    return new Expr.Or(operands);
  }

  private Expr and(String after) {
    Expr first = unary(after);
    if (!current.is("and")) {
      return first;
    }
    List<Expr> operands = new ArrayList<>(List.of(first));
    while (current.is("and")) {
      advance();
      operands.add(unary(" after 'and'"));
    }
    return new Expr.And(operands);
  }

  private Expr unary(String after) {
    if (!current.is("not")) {
      return primary(after);
    }
    enter(current);
    advance();
    Expr operand = unary(" after 'not'");
    depth--;
    return new Expr.Not(operand);
  }

  private Expr primary(String after) {
    if (current.type() == Token.Type.LEFT_PAREN) {
      Token open = current;
      enter(open);
      advance();
      Expr inner = or(" after '('");
      if (current.type() != Token.Type.RIGHT_PAREN) {
        throw error("expected 'and', 'or' or ')' to close '(' at column " + open.column(), current, "");
      }
      advance();
      depth--;
      return inner;
    }
    if (startsPath()) {
      return predicate();
    }
    String hint = current.type() == Token.Type.STRING || current.type() == Token.Type.NUMBER || current.isKeyword()
        ? " (a condition starts with a path, e.g. os.family = \"debian\")" : "";
    throw error("expected a condition" + after, current, hint);
  }

  private boolean startsPath() {
    return (current.type() == Token.Type.NAME && !current.isKeyword())
        || current.type() == Token.Type.LEFT_BRACKET;
  }

  private Expr predicate() {
    int start = current.column() - 1;
    Path path = path();
    String written = text.substring(start, current.column() - 1).strip();
    Token operator = current;
    Operator comparison = comparisonOperator(operator.type());
    if (comparison != null) {
      advance();
      return comparison(path, comparison, operator);
    }
    if (operator.is("in") || operator.is("exists")) {
      advance();
      return operator.is("in") ? new Expr.Membership(path, list(operator), false) : new Expr.Existence(path, false);
    }
    if (operator.is("not")) {
      advance();
      Token second = advance();
      if (second.is("in")) {
        return new Expr.Membership(path, list(second), true);
      }
      if (second.is("exists")) {
        return new Expr.Existence(path, true);
      }
      throw error("expected 'in' or 'exists' after 'not'", second, "");
    }
    throw error("expected an operator (" + OPERATORS + ") after '" + written + "'", operator, "");
  }

  private Expr comparison(Path path, Operator operator, Token symbol) {
    String after = " after '" + symbol.text() + "'";
    if (operator == Operator.GLOB) {
      if (current.type() != Token.Type.STRING) {
        throw error("expected a quoted pattern" + after, current, valueHint());
      }
      return new Expr.Comparison(path, operator, new Literal.Str(advance().value()));
    }
    Token valueToken = current;
    Literal value = value(after);
    if (operator.isOrdering() && value instanceof Literal.Bool) {
      throw error("expected a number or a string" + after, valueToken, " (true and false compare with = and != only)");
    }
    return new Expr.Comparison(path, operator, value);
  }

  private List<Literal> list(Token in) {
    if (current.type() != Token.Type.LEFT_BRACKET) {
      throw error("expected '[' after '" + in.text() + "'", current, "");
    }
    advance();
    List<Literal> values = new ArrayList<>();
    if (current.type() == Token.Type.RIGHT_BRACKET) {
      advance();
      return values;
    }
    values.add(value(" or ']' after '['"));
    while (current.type() != Token.Type.RIGHT_BRACKET) {
      if (current.type() != Token.Type.COMMA) {
        throw error("expected ',' or ']' in the list", current, valueHint());
      }
      advance();
      values.add(value(" after ','"));
    }
    advance();
    return values;
  }

  private Literal value(String after) {
    Token token = current;
    if (token.type() == Token.Type.STRING) {
      advance();
      return new Literal.Str(token.value());
    }
    if (token.type() == Token.Type.NUMBER) {
      advance();
      return new Literal.Num(token.text());
    }
    if (token.is("true") || token.is("false")) {
      advance();
      return new Literal.Bool(token.is("true"));
    }
    throw error("expected a value" + after, token, valueHint());
  }

  /** Why the current token is not a value, when we can tell. */
  private String valueHint() {
    return switch (current.type()) {
      case BAD_NUMBER -> " (quote versions and other text: \"" + current.text() + "\")";
      case EQUALS -> " (compare with a single '=')";
      case NAME -> " (a value is a \"quoted string\", a number, true or false)";
      default -> "";
    };
  }

  private Path path() {
    List<Path.Segment> segments = new ArrayList<>();
    segments.add(current.type() == Token.Type.NAME ? new Path.Key(advance().text()) : subscript());
    while (current.type() == Token.Type.DOT || current.type() == Token.Type.LEFT_BRACKET) {
      if (current.type() == Token.Type.LEFT_BRACKET) {
        segments.add(subscript());
      } else {
        advance();
        if (current.type() != Token.Type.NAME) {
          String hint = current.type() == Token.Type.NUMBER || current.type() == Token.Type.BAD_NUMBER
              ? " (write [\"" + current.text() + "\"] for a key that does not start with a letter)" : "";
          throw error("expected a name after '.'", current, hint);
        }
        segments.add(new Path.Key(advance().text()));
      }
    }
    return new Path(segments);
  }

  private Path.Segment subscript() {
    Token open = advance();
    Token inside = advance();
    Path.Segment segment;
    if (inside.type() == Token.Type.STRING) {
      segment = new Path.Key(inside.value());
    } else if (inside.type() == Token.Type.STAR) {
      segment = new Path.Wildcard();
    } else if (inside.type() == Token.Type.NUMBER && inside.text().matches("[0-9]{1,9}")) {
      segment = new Path.Index(Integer.parseInt(inside.text()));
    } else {
      throw error("expected a quoted key, a position (0 to 999999999) or '*' after '['", inside, "");
    }
    if (current.type() != Token.Type.RIGHT_BRACKET) {
      throw error("expected ']' to close '[' at column " + open.column(), current, "");
    }
    advance();
    return segment;
  }

  private Token advance() {
    Token token = current;
    current = lexer.next();
    return token;
  }

  private void enter(Token token) {
    if (++depth > Query.MAX_DEPTH) {
      throw new QuerySyntaxException(text, token.column(), "more than " + Query.MAX_DEPTH
          + " nested parentheses and 'not's (expected: at most " + Query.MAX_DEPTH + ")");
    }
  }

  private static Operator comparisonOperator(Token.Type type) {
    return switch (type) {
      case EQUALS -> Operator.EQUALS;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      case LESS -> Operator.LESS;
      case LESS_OR_EQUAL -> Operator.LESS_OR_EQUAL;
      case GREATER -> Operator.GREATER;
      case GREATER_OR_EQUAL -> Operator.GREATER_OR_EQUAL;
      case TILDE -> Operator.GLOB;
      default -> null;
    };
  }

  private QuerySyntaxException error(String expected, Token found, String hint) {
    return new QuerySyntaxException(text, found.column(), expected + " but found " + found.describe() + hint);
  }
}
