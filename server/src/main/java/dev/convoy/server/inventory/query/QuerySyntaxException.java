package dev.convoy.server.inventory.query;

import java.util.Objects;

/**
 * A query (or path) that cannot be parsed. The message is {@code at column N: <what was expected and what was
 * found>}, e.g. {@code at column 17: expected a value after '<' but found end of query}; {@link #caretDiagram()}
 * shows where:
 * <pre>
 *   hardware.mem_gb &lt;
 *                   ^
 * </pre>
 * Columns count characters of the query from 1; the end of the query is its length + 1.
 * Unchecked (an {@link IllegalArgumentException}): the input is wrong, not the program. Immutable.
 */
public final class QuerySyntaxException extends IllegalArgumentException {
  private static final int WINDOW = 72;

  private final String query;
  private final int column;
  private final String detail;

  /**
   * @param query the text that was parsed
   * @param column 1-based column of the error, at most {@code query.length() + 1}
   * @param detail what was expected and what was found
   */
  public QuerySyntaxException(String query, int column, String detail) {
    super("at column " + column + ": " + detail);
    this.query = Objects.requireNonNull(query, "query");
    this.column = column;
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /** The text that was parsed. */
  public String query() {
    return query;
  }

  /** 1-based column of the error. */
  public int column() {
    return column;
  }

  /** The message without its {@code at column N: } prefix. */
  public String detail() {
    return detail;
  }

  /** {@link #caret(String, int)} for this error. */
  public String caretDiagram() {
    return caret(query, column);
  }

  /**
   * Two lines: the line of {@code text} that holds {@code column}, and a {@code ^} under that column. Control
   * characters show as spaces so the caret lines up; a long line is cut to a window around the column, marked
   * with {@code ...}.
   */
  public static String caret(String text, int column) {
    int offset = Math.max(0, Math.min(column - 1, text.length()));
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int lineEnd = text.indexOf('\n', offset);
    String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
    int caretAt = offset - lineStart;
    String prefix = "";
    if (caretAt > WINDOW - 8) {
      int cut = caretAt - (WINDOW - 8) / 2;
      line = line.substring(cut);
      caretAt -= cut;
      prefix = "...";
    }
    String suffix = line.length() > WINDOW ? "..." : "";
    line = line.substring(0, Math.min(line.length(), WINDOW));
    return prefix + line.replaceAll("\\p{Cntrl}", " ") + suffix + "\n" + " ".repeat(prefix.length() + caretAt) + "^";
  }
}
