package dev.convoy.cli.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TtlTest {
  @ParameterizedTest
  @CsvSource({"90s, PT90S", "30m, PT30M", "24h, PT24H", "7d, PT168H", "1h, PT1H"})
  void parse_numberAndUnit_duration(String text, Duration expected) {
    assertThat(Ttl.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "24", "h", "0h", "-1h", "1.5h", "5x", "1h30m", "24H"})
  void parse_malformed_namesValueAndExpectedForm(String text) {
    assertThatThrownBy(() -> Ttl.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' (expected: a positive whole number with unit s, m, h or d, e.g. 24h)");
  }
}
