package dev.convoy.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.installers.archive.ArchiveInstaller;
import org.junit.jupiter.api.Test;

class InstallersTest {
  @Test
  void forType_archive_returnsTheArchiveBackend() {
    Installer installer = Installers.forType("archive");

    assertThat(installer).isInstanceOf(ArchiveInstaller.class);
    assertThat(installer.type()).isEqualTo("archive");
  }

  @Test
  void forType_unknown_throwsNamingTheKnownTypes() {
    assertThatThrownBy(() -> Installers.forType("msi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("installer type: 'msi' (expected one of: archive)");
  }

  @Test
  void forType_null_throwsNamingTheKnownTypes() {
    assertThatThrownBy(() -> Installers.forType(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected one of: archive");
  }

  @Test
  void knownTypes_listsArchive() {
    assertThat(Installers.knownTypes()).containsExactly("archive");
  }
}
