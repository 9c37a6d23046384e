package dev.convoy.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.installers.archive.ArchiveInstaller;
import dev.convoy.installers.deb.DebInstaller;
import dev.convoy.installers.detection.RuleDetectingInstaller;
import dev.convoy.installers.script.ScriptInstaller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InstallersTest {
  @ParameterizedTest
  @CsvSource({"archive", "script", "deb"})
  void forType_known_returnsThatBackendWithRuleDetection(String type) {
    Installer installer = Installers.forType(type);

    assertThat(installer.type()).isEqualTo(type);
    assertThat(installer).isInstanceOf(RuleDetectingInstaller.class);
    Class<?> backend = switch (type) {
      case "archive" -> ArchiveInstaller.class;
      case "script" -> ScriptInstaller.class;
      default -> DebInstaller.class;
    };
    assertThat(((RuleDetectingInstaller) installer).backend()).isInstanceOf(backend);
  }

  @Test
  void forType_unknown_throwsNamingTheKnownTypes() {
    assertThatThrownBy(() -> Installers.forType("msi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("installer type: 'msi' (expected one of: archive, deb, script)");
  }

  @Test
  void forType_null_throwsNamingTheKnownTypes() {
    assertThatThrownBy(() -> Installers.forType(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected one of: archive, deb, script");
  }

  @Test
  void knownTypes_listsEveryBackend() {
    assertThat(Installers.knownTypes()).containsExactly("archive", "deb", "script");
  }

  @ParameterizedTest
  @CsvSource({"archive,false", "script,true", "deb,true"})
  void runsReleaseCode_onlyTheArchiveBackendRunsNoneOfTheReleasesCode(String type, boolean runsCode) {
    assertThat(Installers.forType(type).runsReleaseCode()).isEqualTo(runsCode);
  }
}
