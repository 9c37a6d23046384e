package dev.convoy.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A plain text table: a header row and left-aligned columns separated by two spaces, trailing spaces trimmed.
 * Every row is one line: control characters in a cell are shown escaped ({@code \n}, {@code \t},
 * {@code \u001b}). Widths count code points, so accented and other non-ASCII text lines up. Not thread-safe.
 */
public final class Table {
  private final int columns;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... header) {
    this.columns = header.length;
    this.header = Arrays.stream(header).map(Table::oneLine).toList();
  }

  private Table(int columns) {
    this.columns = columns;
    this.header = null;
  }

  /** A table of {@code columns} columns that prints no header: aligned {@code key value} lines. */
  public static Table withoutHeader(int columns) {
    return new Table(columns);
  }

  /** Adds a row; {@code null} cells print empty. @throws IllegalArgumentException on a wrong number of cells */
  public Table row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("row: " + cells.length + " cells (expected: " + columns + ")");
    }
    rows.add(Arrays.stream(cells).map(c -> c == null ? "" : oneLine(c)).toList());
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table, one line per row, each ending with a newline. */
  public String render() {
    return render("");
  }

  /** The table with {@code indent} before every line. */
  public String render(String indent) {
    int[] widths = new int[columns];
    for (List<String> row : allRows()) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : allRows()) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i)).append(" ".repeat(widths[i] - width(row.get(i))));
        if (i < row.size() - 1) {
          line.append("  ");
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  /** {@code text} on one line: line breaks, tabs and other control characters escaped as in Java source. */
  public static String oneLine(String text) {
    if (text.codePoints().noneMatch(Character::isISOControl)) {
      return text;
    }
    StringBuilder line = new StringBuilder(text.length() + 8);
    text.codePoints().forEach(c -> line.append(switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c);
    }));
    return line.toString();
  }

  private static int width(String cell) {
    return cell.codePointCount(0, cell.length());
  }

  private List<List<String>> allRows() {
    if (header == null) {
      return Collections.unmodifiableList(rows);
    }
    List<List<String>> all = new ArrayList<>(rows.size() + 1);
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
