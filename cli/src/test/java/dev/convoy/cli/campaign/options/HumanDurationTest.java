package dev.convoy.cli.campaign.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HumanDurationTest {
  @ParameterizedTest
  @CsvSource({"90s, PT1M30S", "30m, PT30M", "72h, PT72H", "3d, PT72H", "1h30m, PT1H30M", "2d12h, PT60H",
      "1d2h3m4s, PT26H3M4S", "0, PT0S", "0s, PT0S", "PT72H, PT72H", "pt15m, PT15M", "P3DT1H, PT73H", " 8h , PT8H"})
  void parse_acceptedForms_duration(String text, String expected) {
    assertThat(HumanDuration.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "h", "72", "1.5h", "30m1h", "-5m", "5 m", "3w", "PT-1H", "P", "PTXH", "1h 30m"})
  void parse_malformed_namesTextAndForms(String text) {
    assertThatThrownBy(() -> HumanDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'" + text + "'")
        .hasMessageMatching("(?s).*(expected: a duration such as 90s, 30m, 72h, 3d, 1h30m or ISO-8601 PT72H"
            + "|is negative \\(expected: a duration >= 0\\)).*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0s", "PT0S"})
  void parsePositive_zero_refused(String text) {
    assertThatThrownBy(() -> HumanDuration.parsePositive(text))
        .hasMessage("'" + text + "' (expected: a duration > 0, e.g. 47h59m)");
  }

  @ParameterizedTest
  @CsvSource({"PT47H59M, 47h59m", "PT72H, 72h", "PT96H, 4d", "PT90S, 1m30s", "PT0S, 0s", "PT8H, 8h",
      "PT1H0M5S, 1h5s", "P7D, 7d"})
  void format_shortForm_parsesBack(String iso, String expected) {
    Duration duration = Duration.parse(iso);

    assertThat(HumanDuration.format(duration)).isEqualTo(expected);
    assertThat(HumanDuration.parse(HumanDuration.format(duration))).isEqualTo(duration);
  }

  @ParameterizedTest
  @CsvSource({"72h, 259200", "90s, 90"})
  void toProto_seconds(String text, long seconds) {
    assertThat(HumanDuration.toProto(HumanDuration.parse(text)).getSeconds()).isEqualTo(seconds);
  }
}
