package dev.convoy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  @Test
  void write_sortsKeysByUtf16CodeUnits_asRfc8785Section3_2_3() {
    Map<String, Object> object = new LinkedHashMap<>();
    for (String key : List.of("\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6")) {
      object.put(key, key.length() == 1 ? 1L : 2L);
    }

    String json = new String(CanonicalJson.write(object), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo("{\"\\r\":1,\"1\":1,\"\u0080\":1,\"\u00f6\":1,\"\u20ac\":1,\"\ud83d\ude00\":2,"
        + "\"\ufb33\":1}");
  }

  @Test
  void write_escapesOnlyQuoteBackslashAndControlCharacters() {
    String s = "q\" b\\ n\n t\t c\u0001 del\u007f slash/ e\u00e9 ls\u2028";

    String json = new String(CanonicalJson.write(List.of(s, 0L, -12L, true, false, Map.of())), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo("[\"q\\\" b\\\\ n\\n t\\t c\\u0001 del\u007f slash/ e\u00e9 ls\u2028\","
        + "0,-12,true,false,{}]");
  }

  @Test
  void parse_thenWrite_isTheIdentityOnCanonicalInput() {
    String json = "{\"a\":[1,-2,{\"b\":\"\\u001f\"}],\"c\":true,\"d\":9007199254740991}";

    Object tree = JsonParser.parse(json.getBytes(StandardCharsets.UTF_8));

    assertThat(new String(CanonicalJson.write(tree), StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      null value                | {"a":null}              | null
      fraction                  | {"a":1.5}               | fraction or exponent
      exponent                  | {"a":1e3}               | fraction or exponent
      leading zero              | {"a":01}                | leading zero
      beyond 2^53 - 1           | {"a":9007199254740992}  | out of range
      twenty digits             | {"a":12345678901234567890} | out of range
      duplicate key             | {"a":1,"a":2}           | duplicate key 'a'
      trailing data             | {"a":1}x                | data after the JSON value
      unterminated              | {"a":1                  | end of input
      lone surrogate escape     | {"a":"\\ud800"}         | lone surrogate
      bad escape                | {"a":"\\x"}             | bad escape
      single quotes             | {'a':1}                 | expected a string key
      missing comma             | {"a":1 "b":2}           | expected ','
      """)
  void parse_invalidInput_refusedNamingTheProblem(String name, String json, String message) {
    assertThatThrownBy(() -> JsonParser.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @Test
  void parse_rawControlCharacterInvalidUtf8OrDeepNesting_refused() {
    assertThatThrownBy(() -> JsonParser.parse("{\"a\":\"x\ny\"}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("raw control character 0xa");
    assertThatThrownBy(() -> JsonParser.parse(new byte[] {'"', (byte) 0xC3, '"'}))
        .hasMessageContaining("not valid UTF-8");
    assertThatThrownBy(() -> JsonParser.parse(("[".repeat(33) + "]".repeat(33)).getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("nesting deeper than 32");
  }

  @Test
  void write_valuesOutsideTheSubset_refused() {
    assertThatThrownBy(() -> CanonicalJson.write(Map.of("a", 1.5))).hasMessageContaining("java.lang.Double");
    assertThatThrownBy(() -> CanonicalJson.write(List.of(1L << 53))).hasMessageContaining("2^53 - 1");
    assertThatThrownBy(() -> CanonicalJson.write(List.of("\ud800"))).hasMessageContaining("lone surrogate");
  }
}
