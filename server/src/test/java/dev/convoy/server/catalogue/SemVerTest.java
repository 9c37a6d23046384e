package dev.convoy.server.catalogue;

import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {
  @Test
  void compareTo_semverOrgPrecedenceExample_sortsInOrder() {
    List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.9.0", "1.10.0", "2.0.0",
        "100000000000000000000.0.0");
    for (int i = 1; i < ordered.size(); i++) {
      SemVer lower = SemVer.parse("v", ordered.get(i - 1));
      SemVer higher = SemVer.parse("v", ordered.get(i));
      assertThat(lower.compareTo(higher)).as("%s < %s", lower, higher).isNegative();
      assertThat(higher.compareTo(lower)).isPositive();
    }
  }

  @Test
  void compareTo_buildMetadata_ignored() {
    assertThat(SemVer.parse("v", "1.0.0+build.1").compareTo(SemVer.parse("v", "1.0.0+build.2"))).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1.2", "01.2.3", "1.2.3-", "1.2.3-01", "v1.2.3", "1.2.3.4", "1.2.3+", " 1.2.3"})
  void parse_notSemver_invalidArgumentNamingTheField(String text) {
    assertThat(assertCode(() -> SemVer.parse("version", text), ErrorCode.INVALID_ARGUMENT))
        .startsWith("version: '").contains("(expected: a semantic version");
  }
}
