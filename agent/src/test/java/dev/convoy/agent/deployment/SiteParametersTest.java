package dev.convoy.agent.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteParametersTest {
  private final SiteParameters site = SiteParameters.fromProperties(Map.of(
      "installer.deb.dpkg_root", "/srv/isolated", "installer.deb.dpkg_admindir", "/srv/isolated/db",
      "installer.deb.timeout", "5m", "installer.script.timeout", "1m", "server", "ignored:1"));

  @Test
  void merge_dpkgRootAndAdmindir_endpointWins() {
    assertThat(site.merge("deb", Map.of("dpkg_root", "/", "dpkg_admindir", "/var/lib/dpkg")))
        .containsEntry("dpkg_root", "/srv/isolated").containsEntry("dpkg_admindir", "/srv/isolated/db");
  }

  @Test
  void merge_otherParameter_releaseWinsSiteIsTheDefault() {
    assertThat(site.merge("deb", Map.of("timeout", "10m"))).containsEntry("timeout", "10m");
    assertThat(site.merge("deb", Map.of())).containsEntry("timeout", "5m");
  }

  @Test
  void merge_otherType_onlyItsOwnParameters() {
    assertThat(site.merge("archive", Map.of("format", "tar.gz"))).isEqualTo(Map.of("format", "tar.gz"));
    assertThat(site.merge("script", Map.of())).isEqualTo(Map.of("timeout", "1m"));
  }

  @Test
  void fromProperties_malformedKey_namesIt() {
    assertThatThrownBy(() -> SiteParameters.fromProperties(Map.of("installer.dpkg_root", "/x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("installer.dpkg_root (expected: installer.<type>.<parameter>");
  }

  @Test
  void toProperties_roundTrips() {
    assertThat(SiteParameters.fromProperties(site.toProperties())).isEqualTo(site);
  }
}
