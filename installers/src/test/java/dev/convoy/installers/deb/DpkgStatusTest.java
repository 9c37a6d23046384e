package dev.convoy.installers.deb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.installers.Detection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpkgStatusTest {
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(nullValues = "null", value = {
      "2.0,  'ii ', INSTALLED_SAME",
      "2.0,  'ri ', INSTALLED_SAME",
      "2.0,  'it ', INSTALLED_SAME",
      "1.0,  'ii ', INSTALLED_OTHER",
      "2.0,  'iF ', NOT_INSTALLED",
      "2.0,  'iU ', NOT_INSTALLED",
      "2.0,  'iHR', NOT_INSTALLED",
      "2.0,  'rc ', NOT_INSTALLED",
      "'',   'un ', NOT_INSTALLED",
      "null, null,  NOT_INSTALLED"})
  void detection_eachStatus_mapped(String version, String abbrev, Detection.Status expected) {
    assertThat(new DpkgStatus(version, abbrev).detection("2.0").status()).isEqualTo(expected);
  }
}
