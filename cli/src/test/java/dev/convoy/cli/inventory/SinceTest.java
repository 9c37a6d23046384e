package dev.convoy.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SinceTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  @Test
  void parse_ages_countedBackFromNow() {
    assertThat(Since.parse("7d", NOW)).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
    assertThat(Since.parse("12h", NOW)).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    assertThat(Since.parse("30m", NOW)).isEqualTo(Instant.parse("2026-11-29T11:30:00Z"));
    assertThat(Since.parse("90s", NOW)).isEqualTo(Instant.parse("2026-11-29T11:58:30Z"));
    assertThat(Since.parse("2w", NOW)).isEqualTo(Instant.parse("2026-11-15T12:00:00Z"));
  }

  @Test
  void parse_isoInstants_exactly() {
    assertThat(Since.parse("2026-11-01T00:00:00Z", NOW)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(Since.parse("2026-11-01T08:30:00+01:00", NOW)).isEqualTo(Instant.parse("2026-11-01T07:30:00Z"));
    assertThat(Since.parse(" 2026-11-01T00:00:00.5Z ", NOW)).isEqualTo(Instant.parse("2026-11-01T00:00:00.5Z"));
  }

  @Test
  void parse_date_midnightUtc() {
    assertThat(Since.parse("2026-11-01", NOW)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "7", "7x", "0d", "-7d", "7 d", "", "2026-11-01T00:00:00", "2026-13-01"})
  void parse_malformed_throwsNamingTextAndForms(String text) {
    assertThatThrownBy(() -> Since.parse(text, NOW)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' (expected: an ISO-8601 instant such as 2026-11-01T00:00:00Z, a date such as "
            + "2026-11-01, or an age such as 7d, 12h or 30m)");
  }
}
