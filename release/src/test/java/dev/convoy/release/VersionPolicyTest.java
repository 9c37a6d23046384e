package dev.convoy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionPolicyTest {
  @Test
  void compareTo_semverOrgExample_ordersByPrecedence() {
    List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
        "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0", "99999999999999999999.0.0");

    for (int i = 1; i < ordered.size(); i++) {
      assertThat(SemanticVersion.parse(ordered.get(i - 1))).isLessThan(SemanticVersion.parse(ordered.get(i)));
    }
    assertThat(SemanticVersion.parse("1.0.0+a").compareTo(SemanticVersion.parse("1.0.0+b"))).isZero();
    assertThat(SemanticVersion.parse("2.0.0-rc.1+b.7").toString()).isEqualTo("2.0.0-rc.1+b.7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2", "1.2.3.4", "01.2.3", "1.2.3-", "1.2.3-01", "v1.2.3", " 1.2.3", "1.2.3+"})
  void parse_notSemver_refused(String text) {
    assertThatThrownBy(() -> SemanticVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(expected: a semantic version");
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
      "*, 0.0.1, true",
      ">=1.2.0 <2.0.0, 1.2.0, true",
      ">=1.2.0 <2.0.0, 2.0.0, false",
      ">=1.2.0 <2.0.0, 2.0.0-rc.1, true",
      "=1.4.2, 1.4.2+build, true",
      ">1.0.0, 1.0.0, false",
      "<=1.0.0, 1.0.0, true"})
  void contains_rangeAndVersion_followsPrecedence(String range, String version, boolean expected) {
    VersionRange parsed = VersionRange.parse(range);

    assertThat(parsed.contains(SemanticVersion.parse(version))).isEqualTo(expected);
    assertThat(parsed.toString()).isEqualTo(range);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ">= 1.0.0", ">=1.0.0  <2.0.0", "~1.0.0", "^1.0.0", "1.0.0", ">=1.0"})
  void parseRange_malformed_refused(String text) {
    assertThatThrownBy(() -> VersionRange.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(expected: * or comparators");
  }

  @Test
  void check_versions_classifiesInstallUpgradeSameAndAllowedDowngrade() {
    SemanticVersion two = SemanticVersion.parse("2.0.0");

    assertThat(VersionPolicy.check(null, manifest("1.0.0", false), false)).isEqualTo(VersionChange.NEW_INSTALL);
    assertThat(VersionPolicy.check(two, manifest("2.0.1", false), false)).isEqualTo(VersionChange.UPGRADE);
    assertThat(VersionPolicy.check(two, manifest("2.0.0+rebuild", false), false)).isEqualTo(VersionChange.SAME_VERSION);
    assertThat(VersionPolicy.check(two, manifest("1.0.0", true), true)).isEqualTo(VersionChange.DOWNGRADE);
  }

  @Test
  void check_olderWithoutBothSignedFlagAndConsent_refusedAsDowngrade() {
    SemanticVersion two = SemanticVersion.parse("2.0.0");

    assertThatThrownBy(() -> VersionPolicy.check(two, manifest("1.9.9", false), false))
        .isInstanceOfSatisfying(ReleaseVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(VerificationReason.DOWNGRADE))
        .hasMessage("version: app@1.9.9 is older than the installed 2.0.0 and it is not signed as a downgrade and the"
            + " campaign does not allow one (expected: a version >= 2.0.0, or a signed downgrade in a campaign that"
            + " allows one)");
    assertThatThrownBy(() -> VersionPolicy.check(two, manifest("1.9.9", true), false))
        .hasMessageContaining("the campaign does not allow a downgrade");
    assertThatThrownBy(() -> VersionPolicy.check(two, manifest("1.9.9", false), true))
        .hasMessageContaining("it is not signed as a downgrade (downgrade: false)");
  }

  private static ReleaseManifest manifest(String version, boolean downgrade) {
    ReleaseManifest base = ManifestCodecTest.fullManifest(new DetectionRule.DpkgPackage("app", "1"));
    return new ReleaseManifest(1, "app", SemanticVersion.parse(version), base.installer(), base.payload(),
        base.unpackedSize(), base.detection(), List.of(), List.of(), List.of(), base.osRequirements(), downgrade,
        ReleaseDocuments.NONE);
  }
}
