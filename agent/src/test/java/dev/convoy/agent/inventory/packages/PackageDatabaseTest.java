package dev.convoy.agent.inventory.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.convoy.agent.process.CommandRunner;
import dev.convoy.agent.process.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real {@code dpkg-query} against a crafted dpkg database ({@code --admindir}), the real command runner
 * against a fake {@code rpm} (and none at all).
 */
class PackageDatabaseTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final CommandRunner runner = new CommandRunner();
  @TempDir
  Path dir;

  @BeforeEach
  void requireDpkgQuery() {
    assumeTrue(Executables.system().find("dpkg-query").isPresent(), "dpkg-query is installed");
  }

  private static String entry(String name, String status, String arch, String version) {
    return "Package: " + name + "\nStatus: " + status + "\nPriority: optional\nSection: misc\n"
        + "Maintainer: Test <test@example.org>\nArchitecture: " + arch + "\nVersion: " + version
        + "\nDescription: test package\n\n";
  }

  private DpkgDatabase dpkg(String... entries) throws Exception {
    Path admin = Files.createDirectories(dir.resolve("dpkg"));
    Files.writeString(admin.resolve("status"), String.join("", entries));
    return new DpkgDatabase(runner, Executables.system(), admin, TIMEOUT);
  }

  @Test
  void dpkg_craftedDatabase_listsInstalledPackagesWithUpstreamVersions() throws Exception {
    DpkgDatabase database = dpkg(
        entry("libreoffice-core", "install ok installed", "amd64", "4:7.4.7-1+deb12u4"),
        entry("half", "install reinstreq half-installed", "amd64", "1.0-1"),
        entry("unpacked", "install ok unpacked", "amd64", "2.0-1"),
        entry("removed", "deinstall ok config-files", "amd64", "1:1.2.3-4"),
        entry("held", "hold ok installed", "all", "2.3"),
        entry("g++", "install ok installed", "amd64", "4:12.2.0-3"),
        entry("epoch-native", "install ok installed", "amd64", "2:1.0"),
        entry("tricky", "install ok installed", "amd64", "1:2.0-rc1-3ubuntu1"));

    List<InstalledPackage> packages = database.installed().orElseThrow();

    assertThat(packages).extracting(p -> p.name() + " " + p.version() + " " + p.upstreamVersion() + " " + p.arch())
        .containsExactlyInAnyOrder(
            "libreoffice-core 4:7.4.7-1+deb12u4 7.4.7 amd64",
            "held 2.3 2.3 all",
            "g++ 4:12.2.0-3 12.2.0 amd64",
            "epoch-native 2:1.0 1.0 amd64",
            "tricky 1:2.0-rc1-3ubuntu1 2.0-rc1 amd64");
    assertThat(packages).extracting(InstalledPackage::source).containsOnly("dpkg");
  }

  @Test
  void dpkg_multiArchPackage_mainArchitectureKeepsThePlainName() throws Exception {
    DpkgDatabase database = dpkg(
        entry("libc6", "install ok installed", "i386", "2.36-9").replace("Version:", "Multi-Arch: same\nVersion:"),
        entry("libc6", "install ok installed", "amd64", "2.36-9").replace("Version:", "Multi-Arch: same\nVersion:"),
        entry("bash", "install ok installed", "amd64", "5.2.15-2"),
        entry("base-files", "install ok installed", "all", "12.4"));

    assertThat(database.installed().orElseThrow()).extracting(p -> p.name() + "/" + p.arch())
        .containsExactlyInAnyOrder("libc6/amd64", "libc6:i386/i386", "bash/amd64", "base-files/all");
  }

  @Test
  void dpkg_emptyDatabase_isAnEmptyList() throws Exception {
    assertThat(dpkg().installed()).contains(List.of());
  }

  @Test
  void dpkg_corruptDatabase_throwsNamingTheToolAndItsError() throws Exception {
    DpkgDatabase database = dpkg("Package: x\nStatus: what ever now\nVersion: 1\n\n");

    assertThatThrownBy(database::installed).isInstanceOf(PackageQueryException.class)
        .hasMessageStartingWith("dpkg-query: exit status 2: dpkg-query: error: parsing file")
        .hasMessageContaining("has invalid value 'what ever now'");
  }

  @Test
  void dpkg_notInstalled_isEmpty() {
    assertThat(new DpkgDatabase(runner, new Executables(List.of()), null, TIMEOUT).installed()).isEmpty();
  }

  @Test
  void rpm_absent_contributesNothing() {
    assertThat(new RpmDatabase(runner, new Executables(List.of(dir)), TIMEOUT).installed()).isEmpty();
  }

  @Test
  void rpm_present_isQueriedWithoutAShellAndParsed() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path rpm = bin.resolve("rpm");
    // A stand-in rpm that checks it got the query format as one argument, then answers like rpm -qa --qf would.
    Files.writeString(rpm, "#!/bin/sh\n[ \"$1\" = -qa ] && [ \"$2\" = --qf ] && [ \"$3\" = '" + RpmDatabase.FORMAT
        + "' ] || { echo \"bad args: $*\" >&2; exit 64; }\n"
        + "printf 'bash\\t5.2.26-3.el9\\t5.2.26\\tx86_64\\n'\n"
        + "printf 'shim-x64\\t1:15.8-4.el9\\t15.8\\tx86_64\\n'\n"
        + "printf 'gpg-pubkey\\tfd431d51-4ae0493b\\tfd431d51\\t(none)\\n'\n"
        + "printf 'glibc\\t2.34-100.el9\\t2.34\\ti686\\n'\n"
        + "printf 'glibc\\t2.34-100.el9\\t2.34\\tx86_64\\n'\n"
        + "printf 'tzdata\\t2024a-1.el9\\t2024a\\tnoarch\\n'\n");
    assertThat(rpm.toFile().setExecutable(true)).isTrue();

    List<InstalledPackage> packages = new RpmDatabase(runner, new Executables(List.of(bin)), TIMEOUT).installed().orElseThrow();

    assertThat(packages).extracting(p -> p.name() + " " + p.version() + " " + p.upstreamVersion() + " " + p.arch())
        .containsExactlyInAnyOrder("bash 5.2.26-3.el9 5.2.26 x86_64", "shim-x64 1:15.8-4.el9 15.8 x86_64",
            "glibc 2.34-100.el9 2.34 x86_64", "glibc:i686 2.34-100.el9 2.34 i686", "tzdata 2024a-1.el9 2024a noarch");
    assertThat(packages).extracting(InstalledPackage::source).containsOnly("rpm");
  }

  @ParameterizedTest
  @CsvSource({"4:7.4.7-1+deb12u4, 7.4.7", "2.36-9, 2.36", "3.134, 3.134", "1:2.0-rc1-3, 2.0-rc1", "2:1.0, 1.0",
      "1.2.3-4ubuntu0.1, 1.2.3", "a:1-2, a:1", "0.9~beta1-1, 0.9~beta1"})
  void debianUpstream_dropsEpochAndRevision(String version, String upstream) {
    assertThat(Versions.debianUpstream(version)).isEqualTo(upstream);
  }
}
