package dev.convoy.installers.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DebianNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"1.0", "2.0.0", "1:2.0-1", "2.0~rc1", "1.2-3-4", "0+git20240101-1ubuntu1"})
  void requireVersion_valid_accepted(String version) {
    assertThat(DebianNames.requireVersion("v", version)).isEqualTo(version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "v1.0", "1.0-", "../1.0", "1.0/x", "1.0 beta", "a:1.0"})
  void requireVersion_invalid_refusedNamingIt(String version) {
    assertThatThrownBy(() -> DebianNames.requireVersion("parameter deb_version", version))
        .hasMessageStartingWith("parameter deb_version: '" + version + "' (expected: a Debian version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hello", "-x", "a", "a_b", "a/b"})
  void requirePackage_invalid_refused(String name) {
    assertThatThrownBy(() -> DebianNames.requirePackage("parameter package", name))
        .hasMessageStartingWith("parameter package: '" + name + "' (expected: a Debian package name");
  }
}
