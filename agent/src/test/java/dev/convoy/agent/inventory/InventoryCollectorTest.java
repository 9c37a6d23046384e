package dev.convoy.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryCollectorTest {
  @TempDir
  Path dir;

  @Test
  void read_debianOsRelease_takesPrettyNameAndVersionId() throws Exception {
    Path file = dir.resolve("os-release");
    Files.writeString(file, String.join("\n",
        "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"", "NAME=\"Debian GNU/Linux\"", "VERSION_ID=\"12\"",
        "# a comment", "ID=debian", ""));

    assertThat(OsRelease.read(file)).isEqualTo(new OsRelease("Debian GNU/Linux 12 (bookworm)", "12"));
  }

  @Test
  void read_missingFile_fallsBackToTheJvm() {
    OsRelease os = OsRelease.read(dir.resolve("absent"));

    assertThat(os).isEqualTo(new OsRelease(System.getProperty("os.name"), System.getProperty("os.version")));
  }

  @Test
  void collect_combinesHostOsAndManagedPackages() throws Exception {
    Path file = dir.resolve("os-release");
    Files.writeString(file, "PRETTY_NAME='Ubuntu 24.04 LTS'\nVERSION_ID=24.04\n");
    Instant now = Instant.parse("2026-11-29T10:00:00Z");
    List<ManagedPackage> packages = List.of(new ManagedPackage("hello", "1.0.0", "installed"));

    InventoryReport report = new InventoryCollector(file, "0.1.0", () -> packages, Clock.fixed(now, ZoneOffset.UTC)).collect();

    assertThat(report.hostname()).isEqualTo(Hostnames.local()).isNotBlank();
    assertThat(report.os()).isEqualTo("Ubuntu 24.04 LTS");
    assertThat(report.osVersion()).isEqualTo("24.04");
    assertThat(report.architecture()).isEqualTo(System.getProperty("os.arch"));
    assertThat(report.agentVersion()).isEqualTo("0.1.0");
    assertThat(report.managedPackages()).isEqualTo(packages);
    assertThat(report.collectedAt()).isEqualTo(now);
  }
}
