package dev.convoy.installers.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeoutsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"90, PT1M30S", "30s, PT30S", "500ms, PT0.5S", "10m, PT10M", "2h, PT2H", "PT5M, PT5M", " 7S , PT7S"})
  void fromParameters_acceptedForms_parsed(String value, Duration expected) {
    assertThat(Timeouts.fromParameters(Map.of("timeout", value))).isEqualTo(expected);
  }

  @Test
  void fromParameters_absent_tenMinutes() {
    assertThat(Timeouts.fromParameters(Map.of())).isEqualTo(Duration.ofMinutes(10));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5s", "PT-1S", "soon", "", "10 m"})
  void fromParameters_malformedOrNotPositive_refusedNamingIt(String value) {
    assertThatThrownBy(() -> Timeouts.fromParameters(Map.of("timeout", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter timeout: '" + value + "' (expected: a positive duration such as 90, 30s, 10m, 2h"
            + " or PT10M)");
  }
}
