package dev.convoy.server.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuerySyntaxErrorTest {
  private static final String OPERATOR = "expected an operator (=, !=, <, <=, >, >=, ~, in, not in, exists or not exists)";
  private static final String STARTS_WITH_PATH = " (a condition starts with a path, e.g. os.family = \"debian\")";
  private static final String SUBSCRIPT = "expected a quoted key, a position (0 to 999999999) or '*' after '['";

  static Stream<Arguments> badQueries() {
    return Stream.of(
        Arguments.of("", 1, "expected a condition but found end of query"),
        Arguments.of("   ", 4, "expected a condition but found end of query"),
        Arguments.of("hardware.memgb <", 17, "expected a value after '<' but found end of query"),
        Arguments.of("os.family", 10, OPERATOR + " after 'os.family' but found end of query"),
        Arguments.of("os.family \"debian\"", 11, OPERATOR + " after 'os.family' but found \"debian\""),
        Arguments.of("a.b = \"x\" and c[\"d\"]", 21, OPERATOR + " after 'c[\"d\"]' but found end of query"),
        Arguments.of("os.family == \"debian\"", 12,
            "expected a value after '=' but found '=' (compare with a single '=')"),
        Arguments.of("os.family = debian", 13,
            "expected a value after '=' but found 'debian' (a value is a \"quoted string\", a number, true or false)"),
        Arguments.of("os.family = 'debian'", 13, "unexpected character ''' (strings use double quotes)"),
        Arguments.of("os.family = \"debian", 13, "unterminated string (expected a closing '\"')"),
        Arguments.of("a = 1 and b = \"x\\", 15, "unterminated string (expected a closing '\"')"),
        Arguments.of("a = \"x\\q\"", 7,
            "invalid escape '\\q' in string (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
        Arguments.of("a = \"\\u12g4\"", 6, "invalid escape '\\u12g4' in string (expected \\u and 4 hex digits)"),
        Arguments.of("software[\"libreoffice\"].version < 7.6.4", 35,
            "expected a value after '<' but found 7.6.4 (quote versions and other text: \"7.6.4\")"),
        Arguments.of("a = 1 b = 2", 7, "expected 'and', 'or' or end of query but found 'b'"),
        Arguments.of("a = 1 and", 10, "expected a condition after 'and' but found end of query"),
        Arguments.of("a = 1 or or b = 2", 10, "expected a condition after 'or' but found 'or'" + STARTS_WITH_PATH),
        Arguments.of("and a = 1", 1, "expected a condition but found 'and'" + STARTS_WITH_PATH),
        Arguments.of("not", 4, "expected a condition after 'not' but found end of query"),
        Arguments.of("(a = 1", 7, "expected 'and', 'or' or ')' to close '(' at column 1 but found end of query"),
        Arguments.of("(a = 1 b", 8, "expected 'and', 'or' or ')' to close '(' at column 1 but found 'b'"),
        Arguments.of("a = 1)", 6, "expected 'and', 'or' or end of query but found ')' (no '(' to close)"),
        Arguments.of("()", 2, "expected a condition after '(' but found ')'"),
        Arguments.of("\"debian\" = os.family", 1, "expected a condition but found \"debian\"" + STARTS_WITH_PATH),
        Arguments.of("a in \"x\"", 6, "expected '[' after 'in' but found \"x\""),
        Arguments.of("a not in \"x\"", 10, "expected '[' after 'in' but found \"x\""),
        Arguments.of("a in [1, ]", 10, "expected a value after ',' but found ']'"),
        Arguments.of("a in [1,,2]", 9, "expected a value after ',' but found ','"),
        Arguments.of("a in [1 2]", 9, "expected ',' or ']' in the list but found 2"),
        Arguments.of("a in [", 7, "expected a value or ']' after '[' but found end of query"),
        Arguments.of("a not in [\"x\"", 14, "expected ',' or ']' in the list but found end of query"),
        Arguments.of("a not b", 7, "expected 'in' or 'exists' after 'not' but found 'b'"),
        Arguments.of("a.", 3, "expected a name after '.' but found end of query"),
        Arguments.of("software.7zip.version exists", 10,
            "expected a name after '.' but found 7zip (write [\"7zip\"] for a key that does not start with a letter)"),
        Arguments.of("a[", 3, SUBSCRIPT + " but found end of query"),
        Arguments.of("a[-1] = 1", 3, SUBSCRIPT + " but found -1"),
        Arguments.of("a[1.5] = 1", 3, SUBSCRIPT + " but found 1.5"),
        Arguments.of("a[\"x\" = 1", 7, "expected ']' to close '[' at column 2 but found '='"),
        Arguments.of("a ~ 5", 5, "expected a quoted pattern after '~' but found 5"),
        Arguments.of("a < true", 5,
            "expected a number or a string after '<' but found true (true and false compare with = and != only)"),
        Arguments.of("a = 1e5", 5, "expected a value after '=' but found 1e5 (quote versions and other text: \"1e5\")"),
        Arguments.of("a = 1 && b = 2", 7, "unexpected character '&' (use 'and')"),
        Arguments.of("a = 1 || b = 2", 7, "unexpected character '|' (use 'or')"),
        Arguments.of("a ! 1", 3, "unexpected character '!' (use '!=' or 'not')"),
        Arguments.of("a = 1 @", 7, "unexpected character '@'"),
        Arguments.of("a = 1 \u0007", 7, "unexpected character '\\u0007'"),
        Arguments.of("a = 1\n and b", 13, OPERATOR + " after 'b' but found end of query"),
        Arguments.of("a = \"" + "x".repeat(40) + "\" \"y\"", 48, "expected 'and', 'or' or end of query but found \"y\""),
        Arguments.of("a = 1 " + "b".repeat(40), 7,
            "expected 'and', 'or' or end of query but found '" + "b".repeat(29) + "...'"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badQueries")
  void parse_badSyntax_columnAndExpectation(String query, int column, String detail) {
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> Query.parse(query));

    assertThat(e).as("no exception for %s", query).isNotNull();
    assertThat(e.getMessage()).isEqualTo("at column " + column + ": " + detail);
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.detail()).isEqualTo(detail);
    assertThat(e.query()).isEqualTo(query);
  }

  static Stream<Arguments> badPaths() {
    return Stream.of(
        Arguments.of("", 1, "expected a path but found end of query"),
        Arguments.of("and", 1, "expected a path but found 'and'"),
        Arguments.of("a b", 3, "expected '.', '[' or end of path but found 'b'"),
        Arguments.of("a = 1", 3, "expected '.', '[' or end of path but found '='"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badPaths")
  void pathParse_badSyntax_columnAndExpectation(String path, int column, String detail) {
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> Path.parse(path));

    assertThat(e.getMessage()).isEqualTo("at column " + column + ": " + detail);
  }

  @Test
  void caretDiagram_endOfQuery_caretAfterLastCharacter() {
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> Query.parse("hardware.memgb <"));

    assertThat(e.caretDiagram()).isEqualTo("hardware.memgb <\n                ^");
  }

  @Test
  void caretDiagram_multiLineQuery_showsTheLineOfTheError() {
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> Query.parse("os.family = \"debian\"\n\tand memory ? 8\nor x = 1"));

    assertThat(e.column()).isEqualTo(34);
    assertThat(e.caretDiagram()).isEqualTo(" and memory ? 8\n            ^");
  }

  @Test
  void caret_longLine_windowAroundTheColumn() {
    String query = "a = 1 and " + "b = 2 and ".repeat(20) + "c ? 3" + " and d = 4".repeat(10);

    String diagram = QuerySyntaxException.caret(query, query.indexOf('?') + 1);

    String[] lines = diagram.split("\n");
    assertThat(lines[0]).startsWith("...").endsWith("...").hasSize(78);
    assertThat(lines[0].charAt(lines[1].length() - 1)).isEqualTo('?');
  }
}
