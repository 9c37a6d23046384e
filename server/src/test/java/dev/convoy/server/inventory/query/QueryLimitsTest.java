package dev.convoy.server.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryLimitsTest {
  private static final InventoryDocument DOCUMENT = InventoryDocument.of(Map.of("a", 1));

  @Test
  void parse_64NestedParentheses_accepted() {
    Query query = Query.parse("(".repeat(64) + "a = 1" + ")".repeat(64));

    assertThat(query.matches(DOCUMENT)).isTrue();
  }

  @Test
  void parse_65NestedParentheses_clearErrorAtThe65th() {
    assertThatThrownBy(() -> Query.parse("(".repeat(65) + "a = 1" + ")".repeat(65)))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessage("at column 65: more than 64 nested parentheses and 'not's (expected: at most 64)");
  }

  @Test
  void parse_64NotsAccepted_65Refused() {
    assertThat(Query.parse("not ".repeat(64) + "a = 1").matches(DOCUMENT)).isTrue();
    assertThatThrownBy(() -> Query.parse("not ".repeat(65) + "a = 1"))
        .hasMessage("at column 257: more than 64 nested parentheses and 'not's (expected: at most 64)");
  }

  @Test
  void parse_thousandsOfParenthesesWithinLength_depthErrorNotStackOverflow() {
    String query = "(".repeat(4000) + "a = 1";

    assertThatThrownBy(() -> Query.parse(query)).isInstanceOf(QuerySyntaxException.class)
        .hasMessageStartingWith("at column 65: more than 64 nested");
  }

  @Test
  void parse_exactlyMaxLength_accepted() {
    String query = "a = \"" + "x".repeat(Query.MAX_LENGTH - 6) + "\"";

    assertThat(query).hasSize(Query.MAX_LENGTH);
    assertThat(Query.parse(query).matches(DOCUMENT)).isFalse();
  }

  @Test
  void parse_overMaxLength_clearError() {
    String query = "a = \"" + "x".repeat(Query.MAX_LENGTH - 5) + "\"";

    assertThatThrownBy(() -> Query.parse(query)).isInstanceOf(QuerySyntaxException.class)
        .hasMessage("at column 4097: query is 4097 characters long (expected: at most 4096)");
  }

  @Test
  void parse_longestOrChain_parsesRendersAndEvaluatesIteratively() {
    StringBuilder text = new StringBuilder("a = 0");
    while (text.length() < Query.MAX_LENGTH - 20) {
      text.append(" or a = 0");
    }
    text.append(" or a = 1");

    Query query = Query.parse(text.toString());

    assertThat(((Expr.Or) query.expression()).operands()).hasSizeGreaterThan(400);
    assertThat(query.matches(DOCUMENT)).isTrue();
    assertThat(Query.parse(query.toString())).isEqualTo(query);
  }

  @Test
  void parse_deepestQuery_evaluatesAndRoundTrips() {
    Query query = Query.parse("(not ".repeat(32) + "a = 1" + ")".repeat(32));

    assertThat(query.matches(DOCUMENT)).isTrue();
    assertThat(Query.parse(query.toString())).isEqualTo(query);
  }

  @Test
  void parse_nullText_namedInTheException() {
    assertThatThrownBy(() -> Query.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("query");
  }
}
