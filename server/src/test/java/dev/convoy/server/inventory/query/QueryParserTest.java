package dev.convoy.server.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

  private static Expr.Comparison cmp(String path, Operator operator, Literal value) {
    return new Expr.Comparison(Path.parse(path), operator, value);
  }

  private static Expr.Comparison eq(String path, long value) {
    return cmp(path, Operator.EQUALS, new Literal.Num(Long.toString(value)));
  }

  @Test
  void parse_orAndNot_bindLoosestToTightest() {
    Expr expr = Query.parse("a = 1 or b = 2 and not c = 3").expression();

    assertThat(expr).isEqualTo(new Expr.Or(List.of(eq("a", 1),
        new Expr.And(List.of(eq("b", 2), new Expr.Not(eq("c", 3)))))));
  }

  @Test
  void parse_parentheses_overridePrecedence() {
    Expr expr = Query.parse("(a = 1 or b = 2) and not (c = 3 and d = 4)").expression();

    assertThat(expr).isEqualTo(new Expr.And(List.of(
        new Expr.Or(List.of(eq("a", 1), eq("b", 2))),
        new Expr.Not(new Expr.And(List.of(eq("c", 3), eq("d", 4)))))));
  }

  @Test
  void parse_chains_areFlatNotNested() {
    assertThat(Query.parse("a = 1 and b = 2 and c = 3").expression())
        .isEqualTo(new Expr.And(List.of(eq("a", 1), eq("b", 2), eq("c", 3))));
    assertThat(Query.parse("a = 1 or b = 2 or c = 3").expression())
        .isEqualTo(new Expr.Or(List.of(eq("a", 1), eq("b", 2), eq("c", 3))));
  }

  @Test
  void parse_briefExample_threeComparisons() {
    Expr expr = Query.parse("os.family = \"debian\" and hardware.memory_gb < 8"
        + " and software[\"libreoffice\"].version < \"7.6\"").expression();

    assertThat(expr).isEqualTo(new Expr.And(List.of(
        cmp("os.family", Operator.EQUALS, new Literal.Str("debian")),
        cmp("hardware.memory_gb", Operator.LESS, new Literal.Num("8")),
        new Expr.Comparison(Path.of("software", "libreoffice", "version"), Operator.LESS, new Literal.Str("7.6")))));
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      a = 1                                   | a = 1
      a != "x"                                | a != "x"
      a < 1.5                                 | a < 1.5
      a <= -2                                 | a <= -2
      a > "7.6"                               | a > "7.6"
      a >= 007                                | a >= 007
      a ~ "3c:52:*"                           | a ~ "3c:52:*"
      a = true                                | a = true
      a != FALSE                              | a != false
      a in ["x", 2, true]                     | a in ["x", 2, true]
      a in []                                 | a in []
      a not in [ "x" ]                        | a not in ["x"]
      a exists                                | a exists
      a not exists                            | a not exists
      A = 1 AND b = 2 Or NOT c = 3            | A = 1 and b = 2 or not c = 3
      a exists and not b not exists           | a exists and not b not exists
      not not a = 1                           | not not a = 1
      ((a = 1))                               | a = 1
      (a = 1 or b = 2) and c = 3              | (a = 1 or b = 2) and c = 3
      a = 1 or (b = 2 and c = 3)              | a = 1 or b = 2 and c = 3
      (a = 1 and b = 2) and c = 3             | (a = 1 and b = 2) and c = 3
      a = 1 or (b = 2 or c = 3)               | a = 1 or (b = 2 or c = 3)
      not (a = 1 or b = 2)                    | not (a = 1 or b = 2)
      software["libreoffice"].version < "7.6" | software.libreoffice.version < "7.6"
      software["g++"].version exists          | software["g++"].version exists
      software["my app"]["v"] = 1             | software["my app"].v = 1
      software [ "x" ] . version = 1          | software.x.version = 1
      network.interfaces[*].mac = "m"         | network.interfaces[*].mac = "m"
      network.interfaces[0].mac = "m"         | network.interfaces[0].mac = "m"
      software[*].source = "convoy"           | software[*].source = "convoy"
      ["not"].x = 1                           | ["not"].x = 1
      facts.in in [1] and facts.not exists    | facts.in in [1] and facts.not exists
      facts.AND = 1                           | facts.AND = 1
      _x.site-code = "P-01"                   | _x.site-code = "P-01"
      a = "tab\\there \\"q\\" \\\\ \\/ \\u00e9" | `a = "tab\\there \\"q\\" \\\\ / é"`
      a=1 and(b=2)                            | a = 1 and b = 2
      a<-1                                    | a < -1
      """)
  void parse_validQuery_rendersCanonically(String query, String canonical) {
    Query parsed = Query.parse(query);

    assertThat(parsed.toString()).isEqualTo(canonical);
    assertThat(Query.parse(canonical)).isEqualTo(parsed);
  }

  @Test
  void parse_stringEscapes_decoded() {
    Expr.Comparison comparison = (Expr.Comparison) Query.parse(
        "a = \"q\\\" b\\\\ s\\/ n\\n r\\r t\\t b\\b f\\f u\\u00e9\\ud83d\\ude00\"").expression();

    assertThat(comparison.value()).isEqualTo(new Literal.Str("q\" b\\ s/ n\n r\r t\t b\b f\f u\u00e9\ud83d\ude00"));
    assertThat(comparison.value()).hasToString("\"q\\\" b\\\\ s/ n\\n r\\r t\\t b\\u0008 f\\u000c u\u00e9\ud83d\ude00\"");
  }

  @Test
  void parse_numberLiteral_keepsItsText() {
    Expr.Comparison comparison = (Expr.Comparison) Query.parse("a.version < 7.10").expression();

    assertThat(comparison.value()).isEqualTo(new Literal.Num("7.10"));
    assertThat(((Literal.Num) comparison.value()).value()).isEqualByComparingTo("7.1");
  }

  @Test
  void parse_whitespaceAndNewlines_ignored() {
    assertThat(Query.parse("\n  os.family\t=\r\n\"debian\"\n  and\n  facts.floor > 2  \n"))
        .isEqualTo(Query.parse("os.family = \"debian\" and facts.floor > 2"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      os.family                   | os.family
      software["libreoffice"]     | software.libreoffice
      ["exists"]                  | ["exists"]
      a[3][*]["b c"]              | a[3][*]["b c"]
      x.true                      | x.true
      """)
  void pathParse_text_canonical(String text, String canonical) {
    assertThat(Path.parse(text)).hasToString(canonical);
    assertThat(Path.parse(canonical)).isEqualTo(Path.parse(text));
  }

  @Test
  void path_indexKeyAndVersionField() {
    assertThat(Path.parse("network.interfaces[0].mac").indexKey()).contains("network.interfaces.mac");
    assertThat(Path.parse("software[\"g++\"].version").indexKey()).contains("software[\"g++\"].version");
    assertThat(Path.parse("software[*].version").indexKey()).isEmpty();
    assertThat(Path.parse("software.vim.Version").isVersionField()).isTrue();
    assertThat(Path.parse("os.kernel_version").isVersionField()).isTrue();
    assertThat(Path.parse("software.version.source").isVersionField()).isFalse();
    assertThat(Path.parse("software.vim.version[0]").isVersionField()).isTrue();
    assertThat(Path.parse("os.versions").isVersionField()).isFalse();
  }
}
