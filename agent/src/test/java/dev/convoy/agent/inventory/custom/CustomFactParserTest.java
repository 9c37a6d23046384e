package dev.convoy.agent.inventory.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.agent.inventory.FactValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomFactParserTest {
  @Test
  void typed_onlyCanonicalIntegersAndExactBooleansAreTyped() {
    assertThat(CustomFactParser.typed("42")).isEqualTo(FactValue.integer(42));
    assertThat(CustomFactParser.typed("-3")).isEqualTo(FactValue.integer(-3));
    assertThat(CustomFactParser.typed("0")).isEqualTo(FactValue.integer(0));
    assertThat(CustomFactParser.typed("007")).isEqualTo(FactValue.text("007"));
    assertThat(CustomFactParser.typed("1.5")).isEqualTo(FactValue.text("1.5"));
    assertThat(CustomFactParser.typed("99999999999999999999")).isEqualTo(FactValue.text("99999999999999999999"));
    assertThat(CustomFactParser.typed("true")).isEqualTo(FactValue.flag(true));
    assertThat(CustomFactParser.typed("True")).isEqualTo(FactValue.text("True"));
    assertThat(CustomFactParser.typed("")).isEqualTo(FactValue.text(""));
  }

  @Test
  void parse_emptyOutput_isNoFacts() {
    assertThat(CustomFactParser.parse("  \n").isEmpty()).isTrue();
  }

  @Test
  void parse_lastOfTheSameKey_wins() {
    assertThat(CustomFactParser.parse("a=1\na=2\n").build().get("facts.a")).contains(FactValue.integer(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"=value", "{\"a\": 1} trailing", "{'a': 1}", "{\"\": 1}", "{\"a\": NaN}", "{\"a\": 1e999}"})
  void parse_malformed_isRefused(String output) {
    assertThatThrownBy(() -> CustomFactParser.parse(output)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_tooDeep_isRefused() {
    String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);

    assertThatThrownBy(() -> CustomFactParser.parse(deep)).hasMessageStartingWith("JSON nested deeper than 32 levels");
  }

  @Test
  void parse_tooManyFacts_isRefused() {
    String many = java.util.stream.IntStream.range(0, 1001).mapToObj(i -> "k" + i + "=1")
        .collect(java.util.stream.Collectors.joining("\n"));

    assertThatThrownBy(() -> CustomFactParser.parse(many)).hasMessage("1001 facts (expected: at most 1000)");
  }

  @Test
  void parse_nestedArrays_getPositions() {
    var facts = CustomFactParser.parse("{\"m\": [[1, 2], [], [3]]}").build();

    assertThat(facts.asMap()).containsOnlyKeys("facts.m[0][0]", "facts.m[0][1]", "facts.m[1][0]");
  }
}
