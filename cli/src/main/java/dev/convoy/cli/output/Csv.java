package dev.convoy.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, then one record per item; records end with CRLF; a field that holds a comma, a
 * double quote, CR or LF is enclosed in double quotes, with each double quote inside doubled. Text is written as
 * is (the CLI's output is UTF-8, without a byte order mark). Not thread-safe.
 */
public final class Csv {
  private static final String CRLF = "\r\n";

  private final int columns;
  private final StringBuilder text = new StringBuilder();

  /** @throws IllegalArgumentException without a column */
  public Csv(String... header) {
    this(List.of(header));
  }

  /** @throws IllegalArgumentException without a column */
  public Csv(List<String> header) {
    if (header.isEmpty()) {
      throw new IllegalArgumentException("csv header: no columns (expected: at least one)");
    }
    this.columns = header.size();
    append(header);
  }

  /** Adds a record; {@code null} fields are empty. @throws IllegalArgumentException on a wrong number of fields */
  public Csv row(String... fields) {
    return row(Arrays.asList(fields));
  }

  /** Adds a record; {@code null} fields are empty. @throws IllegalArgumentException on a wrong number of fields */
  public Csv row(List<String> fields) {
    if (fields.size() != columns) {
      throw new IllegalArgumentException("csv row: " + fields.size() + " fields (expected: " + columns + ")");
    }
    append(fields);
    return this;
  }

  /** The header and every record, each ending with CRLF. */
  public String render() {
    return text.toString();
  }

  /** One field as RFC 4180 writes it: quoted only when it must be. */
  public static String field(String value) {
    if (value == null) {
      return "";
    }
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
        || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  private void append(List<String> fields) {
    List<String> encoded = new ArrayList<>(fields.size());
    for (String value : fields) {
      encoded.add(field(value));
    }
    text.append(String.join(",", encoded)).append(CRLF);
  }
}
