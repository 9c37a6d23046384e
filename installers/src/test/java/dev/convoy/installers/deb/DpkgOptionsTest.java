package dev.convoy.installers.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DpkgOptionsTest {
  @Test
  void from_noRoot_theMachinesDpkgWithoutIsolationFlags() {
    DpkgOptions options = DpkgOptions.from(Map.of());

    assertThat(options.isolated()).isFalse();
    assertThat(options.dpkg("--remove", "x")).containsExactly("dpkg", "--remove", "x");
    assertThat(options.dpkgQuery("-W", "x")).containsExactly("dpkg-query", "-W", "x");
    assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void from_rootAndAdmindir_adminDirOverridesTheRootDefault() {
    DpkgOptions options = DpkgOptions.from(Map.of("dpkg_root", "/srv/r", "dpkg_admindir", "/srv/db",
        "dpkg_log", "/srv/dpkg.log", "timeout", "30s"));

    assertThat(options.dpkg("--verify", "x")).containsExactly("dpkg", "--root=/srv/r", "--admindir=/srv/db",
        "--log=/srv/dpkg.log", "--force-not-root", "--force-script-chrootless", "--verify", "x");
    assertThat(options.dpkgQuery("-W")).containsExactly("dpkg-query", "--admindir=/srv/db", "-W");
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void from_rootOnly_databaseAndLogInsideTheRoot() {
    DpkgOptions options = DpkgOptions.from(Map.of("dpkg_root", "/srv/r"));

    assertThat(options.effectiveAdmindir()).isEqualTo(Path.of("/srv/r/var/lib/dpkg"));
    assertThat(options.logFile()).isEqualTo(Path.of("/srv/r/var/log/dpkg.log"));
  }

  @Test
  void from_admindirWithoutRoot_refused() {
    assertThatThrownBy(() -> DpkgOptions.from(Map.of("dpkg_admindir", "/srv/db")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("parameter dpkg_admindir: set without dpkg_root (expected: both, or dpkg_root alone");
  }

  @Test
  void from_pathWithDotDot_refused() {
    assertThatThrownBy(() -> DpkgOptions.from(Map.of("dpkg_root", "/srv/../etc")))
        .hasMessage("parameter dpkg_root: '/srv/../etc' (expected: an absolute path without '.' or '..')");
  }
}
