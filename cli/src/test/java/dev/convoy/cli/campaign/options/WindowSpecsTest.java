package dev.convoy.cli.campaign.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.protocol.v1.MaintenanceWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WindowSpecsTest {
  @Test
  void parse_rruleWithSemicolonsAndCommas_keptWhole() {
    MaintenanceWindow window = WindowSpecs.parse(
        "rrule=FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=0,12;BYMINUTE=0,duration=11h59m,zone=endpoint");

    assertThat(window.getRrule()).isEqualTo("FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=0,12;BYMINUTE=0");
    assertThat(window.getCron()).isEmpty();
    assertThat(window.getDuration().getSeconds()).isEqualTo(11 * 3600 + 59 * 60);
    assertThat(window.getZone()).isEqualTo("endpoint");
  }

  @Test
  void parse_cronWithCommasAndSpaces_fixedZone() {
    MaintenanceWindow window = WindowSpecs.parse("cron=0  22 * * MON-FRI,SUN,duration=PT6H,zone=Europe/Paris");

    assertThat(window.getCron()).isEqualTo("0 22 * * MON-FRI,SUN");
    assertThat(window.getDuration().getSeconds()).isEqualTo(6 * 3600);
    assertThat(window.getZone()).isEqualTo("Europe/Paris");
  }

  @Test
  void parse_lowerCaseCronDays_notMistakenForItems() {
    assertThat(WindowSpecs.parse("cron=0 0 * * sat,sun,duration=1d").getCron()).isEqualTo("0 0 * * sat,sun");
  }

  @Test
  void parse_anyOrderNoZoneRrulePrefix_defaultsToEndpointZone() {
    MaintenanceWindow window = WindowSpecs.parse("duration=2h, rrule=RRULE:FREQ=DAILY;BYHOUR=1");

    assertThat(window.getRrule()).isEqualTo("FREQ=DAILY;BYHOUR=1");
    assertThat(window.getZone()).isEqualTo("endpoint");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "rrule=FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0,duration=47h59m,zone=endpoint",
      "cron=0 0 * * SAT,duration=47h59m,zone=Europe/Paris"})
  void format_roundTrips(String text) {
    assertThat(WindowSpecs.format(WindowSpecs.parse(text))).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "rrule=FREQ=DAILY,cron=0 0 * * *,duration=1h | give exactly one of rrule= and cron=",
      "duration=1h,zone=UTC | give exactly one of rrule= and cron=",
      "rrule=FREQ=DAILY | duration= is missing",
      "rrule=FREQ=DAILY,duration=0 | duration: '0' (expected: a duration > 0, e.g. 47h59m)",
      "rrule=FREQ=DAILY,duration=2x | duration: '2x' (expected: a duration such as",
      "rrule=FREQ=DAILY,duration=1h,zone=Mars/Olympus | zone: 'Mars/Olympus' (expected: endpoint, or an IANA zone",
      "rrule=BYDAY=SA,duration=1h | rrule: 'BYDAY=SA' has no FREQ",
      "rrule=FREQ=FORTNIGHTLY,duration=1h | rrule: 'FREQ=FORTNIGHTLY' (expected: FREQ=DAILY, WEEKLY",
      "rrule=FREQ=WEEKLY;ONDAY=SA,duration=1h | rrule: 'ONDAY=SA' in 'FREQ=WEEKLY;ONDAY=SA' (expected: NAME=VALUE",
      "rrule=FREQ=WEEKLY;;BYDAY=SA,duration=1h | rrule: '' in",
      "cron=0 0 * *,duration=1h | cron: '0 0 * *' (expected: 5 fields",
      "cron=0 0 * * SAT;,duration=1h | cron: '0 0 * * SAT;' (expected: 5 fields",
      "rrule=FREQ=DAILY,duration=1h,length=2h | 'length=2h' in 'rrule=FREQ=DAILY,duration=1h,length=2h': unknown key",
      "rrule=FREQ=DAILY,duration=1h,duration=2h | duration given twice",
      "rrule=FREQ=DAILY,,duration=1h | rrule: 'FREQ=DAILY,' (expected: FREQ=DAILY",
      ",duration=1h | has an empty item",
      "rrule=,duration=1h | 'rrule=' in 'rrule=,duration=1h': rrule has no value",
      "FREQ=DAILY;duration=1h | 'FREQ=DAILY;duration=1h' in 'FREQ=DAILY;duration=1h': unknown key"})
  void parse_malformed_saysWhatAndExpected(String text, String message) {
    assertThatThrownBy(() -> WindowSpecs.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message).hasMessageContaining("expected");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rrule=FREQ=WEEKLY;BYDAY=SA,BYHOUR=0,duration=1h"})
  void parse_rrulePartsJoinedWithComma_unknownKeyNamed(String text) {
    assertThatThrownBy(() -> WindowSpecs.parse(text)).hasMessageStartingWith("'BYHOUR=0' in '" + text
        + "': unknown key");
  }
}
