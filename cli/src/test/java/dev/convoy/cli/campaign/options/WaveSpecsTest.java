package dev.convoy.cli.campaign.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.protocol.v1.Threshold;
import dev.convoy.protocol.v1.WaveSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WaveSpecsTest {
  @Test
  void parse_everyItem_setsEveryField() {
    WaveSpec wave = WaveSpecs.parse("name=pilot,groups=site-a+site-b,success=90%,error=2,min-sample=3,soak=2h,go");

    assertThat(wave).isEqualTo(WaveSpec.newBuilder().setName("pilot").addGroups("site-a").addGroups("site-b")
        .setSuccess(Threshold.newBuilder().setPercent(90)).setError(Threshold.newBuilder().setCount(2))
        .setMinSample(3).setSoak(com.google.protobuf.Duration.newBuilder().setSeconds(7200)).setRequireGo(true)
        .build());
  }

  @Test
  void parse_percentOnly_restLeftUnset() {
    WaveSpec wave = WaveSpecs.parse("percent=25");

    assertThat(wave).isEqualTo(WaveSpec.newBuilder().setPercent(25).build());
    assertThat(wave.hasSuccess()).isFalse();
    assertThat(WaveSpecs.parse("percent=12.5%").getPercent()).isEqualTo(12.5);
  }

  @Test
  void parse_goFirstAndSpaces_accepted() {
    assertThat(WaveSpecs.parse("go, percent=100 ,error=5%")).isEqualTo(WaveSpec.newBuilder().setRequireGo(true)
        .setPercent(100).setError(Threshold.newBuilder().setPercent(5)).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"name=pilot,groups=site-a+site-b,success=90%,error=2,min-sample=3,soak=2h,go",
      "percent=25", "name=rest,percent=12.5,success=9,error=0%"})
  void format_roundTrips(String text) {
    assertThat(WaveSpecs.format(WaveSpecs.parse(text))).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "name=pilot | give exactly one of groups= and percent=",
      "groups=a,percent=5 | give exactly one of groups= and percent=",
      "groups=a,b | groups: 'a,b' (expected: group names joined with '+', e.g. site-a+site-b) in 'groups=a,b'",
      "groups=a++b | groups: '' (expected: group names joined with '+'",
      "percent=0 | percent: '0' (expected: a percentage above 0 and at most 100",
      "percent=101 | percent: '101' (expected: a percentage above 0 and at most 100",
      "percent=ten | percent: 'ten'",
      "percent=5,success=120% | success: '120%' (expected: a percentage 0%..100% such as 90%, or a count",
      "percent=5,error=-1 | error: '-1'",
      "percent=5,error=2.5 | error: '2.5'",
      "percent=5,min-sample=0 | min-sample: '0' (expected: a whole number >= 1)",
      "percent=5,soak=2 hours | soak: '2 hours' (expected: a duration such as",
      "percent=5,go=yes | 'go=yes' in 'percent=5,go=yes': unknown key",
      "percent=5,gate=x | unknown key",
      "name=pi lot,percent=5 | name: 'pi lot'",
      "percent=5,percent=6 | percent given twice"})
  void parse_malformed_saysWhatAndExpected(String text, String message) {
    assertThatThrownBy(() -> WaveSpecs.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message).hasMessageContaining("expected");
  }

  @ParameterizedTest
  @CsvSource({"90%, 90%", "12.5%, 12.5%", "0%, 0%", "100%, 100%", "3, 3", "0, 0"})
  void thresholds_roundTrip(String text, String formatted) {
    assertThat(Thresholds.format(Thresholds.parse(text))).isEqualTo(formatted);
  }
}
