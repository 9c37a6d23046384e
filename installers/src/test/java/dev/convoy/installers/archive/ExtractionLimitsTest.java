package dev.convoy.installers.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.installers.InstallContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractionLimitsTest {
  private static InstallContext context(Map<String, String> parameters, long expectedSize) {
    return new InstallContext("p", "1", Path.of("p.tgz"), Path.of("m"), Path.of("w"), parameters, expectedSize,
        line -> { });
  }

  @Test
  void from_noParameters_defaults() {
    assertThat(ExtractionLimits.from(context(Map.of(), 0))).isEqualTo(ExtractionLimits.defaults());
    assertThat(ExtractionLimits.defaults()).isEqualTo(new ExtractionLimits(1L << 30, 100_000, 200, 1L << 20));
  }

  @Test
  void from_parameters_override() {
    ExtractionLimits limits = ExtractionLimits.from(context(
        Map.of("maxBytes", "5000", "maxEntries", "7", "maxRatio", "50"), 0));

    assertThat(limits).isEqualTo(new ExtractionLimits(5000, 7, 50, 1L << 20));
  }

  @Test
  void from_expectedSize_capsBytesAndTheSmallerCapWins() {
    assertThat(ExtractionLimits.from(context(Map.of(), 1234)).maxBytes()).isEqualTo(1234);
    assertThat(ExtractionLimits.from(context(Map.of("maxBytes", "100"), 1234)).maxBytes()).isEqualTo(100);
  }

  @Test
  void from_badParameter_namesIt() {
    assertThatThrownBy(() -> ExtractionLimits.from(context(Map.of("maxEntries", "lots"), 0)))
        .hasMessage("parameter maxEntries: 'lots' (expected: an integer >= 1)");
    assertThatThrownBy(() -> ExtractionLimits.from(context(Map.of("maxRatio", "0"), 0)))
        .hasMessage("parameter maxRatio: '0' (expected: an integer >= 1)");
  }
}
