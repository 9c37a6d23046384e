package dev.convoy.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Canonical paths, as the server's query package-info.java defines them (the server refuses any other form). */
class FactPathTest {
  @Test
  void of_identifierKeys_areDotted() {
    assertThat(FactPath.of("hardware", "cpu", "model")).hasToString("hardware.cpu.model");
    assertThat(FactPath.of("os", "uptime_s")).hasToString("os.uptime_s");
    assertThat(FactPath.of("software").key("libreoffice-core").key("version"))
        .hasToString("software.libreoffice-core.version");
    assertThat(FactPath.of("_x").key("A9_-z")).hasToString("_x.A9_-z");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "g++            | software[\"g++\"].version",
      "python3.11     | software[\"python3.11\"].version",
      "1password      | software[\"1password\"].version",
      "-x             | software[\"-x\"].version",
      "a b            | software[\"a b\"].version",
      "é              | software[\"é\"].version",
      "''             | software[\"\"].version",
      "a\"b           | software[\"a\\\"b\"].version",
      "a\\b           | software[\"a\\\\b\"].version",
      "libstdc++6:i386| software[\"libstdc++6:i386\"].version",
  })
  void key_notAnIdentifier_isAQuotedSubscriptWithQuoteAndBackslashEscaped(String name, String expected) {
    assertThat(FactPath.of("software").key(name).key("version")).hasToString(expected);
  }

  @Test
  void key_controlCharacters_areEscapedLikeTheServer() {
    assertThat(FactPath.of("facts").key("a\nb\tc\rd\u0001e\u007f")).hasToString("facts[\"a\\nb\\tc\\rd\\u0001e\\u007f\"]");
  }

  @Test
  void key_mountPoints_areQuoted() {
    assertThat(FactPath.of("filesystems").key("/").key("free_bytes")).hasToString("filesystems[\"/\"].free_bytes");
    assertThat(FactPath.of("filesystems").key("/home").key("type")).hasToString("filesystems[\"/home\"].type");
  }

  @Test
  void index_isAPositionWithoutDot() {
    assertThat(FactPath.of("network", "interfaces").key("eth0").key("ipv4").index(0))
        .hasToString("network.interfaces.eth0.ipv4[0]");
    assertThat(FactPath.of("users", "logged_in").index(12)).hasToString("users.logged_in[12]");
    assertThat(FactPath.of("facts").key("list").index(1).key("name")).hasToString("facts.list[1].name");
  }

  @Test
  void index_outOfRange_isRefused() {
    assertThatThrownBy(() -> FactPath.of("a").index(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path index: -1 (expected: 0 to 999999999)");
    assertThatThrownBy(() -> FactPath.of("a").index(1_000_000_000)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"and", "or", "NOT", "In", "exists", "true", "FALSE"})
  void keywordInFirstPosition_isQuoted_butNotElsewhere(String keyword) {
    assertThat(FactPath.of(keyword).key("x")).hasToString("[\"" + keyword + "\"].x");
    assertThat(FactPath.of("facts").key(keyword)).hasToString("facts." + keyword);
  }

  @Test
  void firstKeyNotAnIdentifier_startsWithASubscript() {
    assertThat(FactPath.of("1st").key("x")).hasToString("[\"1st\"].x");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "os.family", "software[\"g++\"].version", "filesystems[\"/home\"].free_bytes", "network.interfaces.eth0.ipv4[0]",
      "facts.list[1].name", "[\"and\"].x", "facts.and", "software[\"a\\\"b\"]", "software[\"a\\\\b\"]", "a[0][1]",
      "facts[\"a\\nb\"]", "facts[\"\\u0001\"]", "x-y._z", "facts[\"\"]"})
  void isCanonical_canonicalText_isTrueAndRoundTrips(String text) {
    assertThat(FactPath.isCanonical(text)).isTrue();
    assertThat(FactPath.parse(text)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "software[\"vim\"].version",      // an identifier written as a subscript
      "and.x",                          // a keyword first, unquoted
      "a[01]",                          // a position with a leading zero
      "a[*]",                           // a wildcard is not a fact
      "a.",                             // nothing after the dot
      ".a", "", "a..b", "a[0", "a[\"x\"", "a[\"x]", "a b", "a.1b", "a[-1]", "a[\"\\q\"]",
      "facts[\"\\/\"]",                 // \/ reads as /, but canonical text writes / unescaped
      "facts[\"\\u0041\"]",             // \u0041 is A: canonical is facts.A
      "a[1000000000]", "a.b c", "software.g++", "a[ 0]"})
  void isCanonical_otherText_isFalse(String text) {
    assertThat(FactPath.isCanonical(text)).as(text).isFalse();
  }

  @Test
  void parse_error_namesTheColumnAndWhatWasExpected() {
    assertThatThrownBy(() -> FactPath.parse("os.family!")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path 'os.family!' at column 10: '!' (expected: '.', '[' or the end of the path)");
    assertThatThrownBy(() -> FactPath.parse("a[\"x")).hasMessageContaining("at column 3: unterminated string");
    assertThatThrownBy(() -> FactPath.parse("in.x")).hasMessageContaining("keyword 'in' cannot start a path");
  }

  @Test
  void parse_nonCanonicalButValid_givesTheSamePathAsItsCanonicalForm() {
    assertThat(FactPath.parse("software[\"vim\"].version")).isEqualTo(FactPath.of("software", "vim", "version"))
        .hasToString("software.vim.version");
  }

  @Test
  void everyKeyRendered_isCanonical() {
    String[] keys = {"a", "A", "_", "a-b", "a.b", "a b", "\"", "\\", "[", "]", "0", "-", "\u00e9", "\u2603", "\n", "\u0000",
        "true", "x\"y\\z", "/", "*"};
    for (String key : keys) {
      for (String first : new String[] {"facts", key}) {
        String text = FactPath.of(first).key(key).index(3).toString();
        assertThat(FactPath.isCanonical(text)).as(text).isTrue();
        assertThat(FactPath.parse(text)).isEqualTo(FactPath.of(first).key(key).index(3));
      }
    }
  }

  @Test
  void prefixAndDepth_describeTheSegments() {
    FactPath path = FactPath.of("software").key("g++").key("version");

    assertThat(path.depth()).isEqualTo(3);
    assertThat(path.prefix(1)).isEqualTo("software");
    assertThat(path.prefix(2)).isEqualTo("software[\"g++\"]");
  }

  @Test
  void prefix_everyLength_equalsTheTextOfThePathBuiltThatFar() {
    FactPath path = FactPath.of("not").key("a b").index(7).key("x-y").key("and").key("");
    FactPath built = FactPath.of("not");
    assertThat(path.prefix(1)).isEqualTo(built.toString()).isEqualTo("[\"not\"]");
    assertThat(path.prefix(2)).isEqualTo(built.key("a b").toString());
    assertThat(path.prefix(3)).isEqualTo(built.key("a b").index(7).toString());
    assertThat(path.prefix(4)).isEqualTo(built.key("a b").index(7).key("x-y").toString());
    assertThat(path.prefix(5)).isEqualTo(built.key("a b").index(7).key("x-y").key("and").toString());
    assertThat(path.prefix(6)).isEqualTo(path.toString());
  }

  @Test
  void isIdentifier_sameRuleAsTheQueryLanguage() {
    assertThat(FactPath.isIdentifier("_a-9")).isTrue();
    assertThat(FactPath.isIdentifier("Zz")).isTrue();
    assertThat(FactPath.isIdentifier("")).isFalse();
    assertThat(FactPath.isIdentifier("9a")).isFalse();
    assertThat(FactPath.isIdentifier("-a")).isFalse();
    assertThat(FactPath.isIdentifier("a.b")).isFalse();
    assertThat(FactPath.isIdentifier("é")).isFalse();
  }
}
