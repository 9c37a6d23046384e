package dev.convoy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OsRequirementsTest {
  @Test
  void holds_literal_comparesIgnoringCase() {
    assertThat(OsRequirements.holds("os.family", "debian", "Debian")).isTrue();
    assertThat(OsRequirements.holds("os.family", "debian", "rhel")).isFalse();
  }

  @Test
  void holds_comparators_compareDottedVersionsNumerically() {
    assertThat(OsRequirements.holds("os.version", ">=12", "12")).isTrue();
    assertThat(OsRequirements.holds("os.version", ">=12", "11")).isFalse();
    assertThat(OsRequirements.holds("os.version", ">=22.04 <25", "24.04")).isTrue();
    assertThat(OsRequirements.holds("os.version", ">=22.04 <25", "25.04")).isFalse();
    assertThat(OsRequirements.holds("os.version", ">=9", "10")).isTrue(); // not text order
    assertThat(OsRequirements.holds("os.version", "=12", "12.0")).isTrue();
    assertThat(OsRequirements.holds("os.arch", "!=i386", "amd64")).isTrue();
  }

  @Test
  void contradictions_missingFact_skippedAndOthersNamed() {
    Map<String, String> facts = Map.of("os.family", "debian", "os.version", "11");
    assertThat(OsRequirements.contradictions(Map.of("os.family", "debian", "os.version", ">=12", "os.arch", "amd64"),
        facts::get)).containsExactly("os.version is 11 (expected: >=12)");
  }

  @Test
  void validate_malformedComparator_namesFactAndForm() {
    assertThatThrownBy(() -> OsRequirements.validate("os.version", ">= 12"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("os requirement os.version: '>= 12'");
    assertThatThrownBy(() -> ReleaseBuilder.fromFile(java.nio.file.Path.of("x")).osRequirement("os.version", ">"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: a value, or comparators");
  }
}
