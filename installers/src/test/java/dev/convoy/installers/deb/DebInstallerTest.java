package dev.convoy.installers.deb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Lifecycle;
import dev.convoy.installers.LifecycleResult;
import dev.convoy.installers.LifecycleState;
import dev.convoy.installers.script.ProcessSpec;
import dev.convoy.installers.script.RecordingRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The deb backend with the real dpkg in an isolated root: upgrades, removal, refusals, epochs, purge, timeouts. */
@ExtendWith(MachineDpkgUnchanged.class)
class DebInstallerTest {
  private static final String PKG = DebFixture.PACKAGE;
  private static final List<LifecycleState> SUCCESS = List.of(LifecycleState.DETECTING, LifecycleState.STAGING,
      LifecycleState.INSTALLING, LifecycleState.VERIFYING, LifecycleState.COMMITTING, LifecycleState.SUCCEEDED);

  @TempDir
  Path temp;
  private DebFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new DebFixture(temp);
  }

  private LifecycleResult install(String version, DebBuilder deb, Map<String, String> parameters) {
    return Lifecycle.install(new DebInstaller(), fixture.context(version, deb.build(fixture.debs()), parameters),
        s -> { });
  }

  @Test
  void upgradeThenRemove_dpkgQueryShowsEachStep() {
    assertThat(install("1.0", DebBuilder.of(PKG, "1.0"), Map.of()).chain()).isEqualTo(SUCCESS);
    assertThat(fixture.dpkgQuery(PKG)).isEqualTo("1.0 ii");
    assertThat(fixture.installed("usr/share/convoy-hello/only-1.0")).hasContent("1.0");

    assertThat(install("2.0", DebBuilder.of(PKG, "2.0"), Map.of()).chain()).isEqualTo(SUCCESS);
    assertThat(fixture.dpkgQuery(PKG)).isEqualTo("2.0 ii");
    assertThat(fixture.installed("usr/share/convoy-hello/readme")).hasContent("convoy-hello 2.0");
    assertThat(fixture.installed("usr/share/convoy-hello/only-1.0")).as("dropped by the upgrade").doesNotExist();

    LifecycleResult removed = Lifecycle.uninstall(new DebInstaller(), fixture.context("2.0", null), s -> { });
    assertThat(removed.chain()).containsExactly(LifecycleState.UNINSTALLING, LifecycleState.UNINSTALLED);
    assertThat(removed.message()).isEqualTo("removed convoy-hello 2.0");
    assertThat(fixture.dpkgQuery(PKG)).isNull();
    assertThat(fixture.installed("usr/share/convoy-hello/readme")).doesNotExist();
    assertThat(fixture.packageDir()).doesNotExist();
  }

  @Test
  void stage_packageNameDiffers_refusedBeforeAnythingIsInstalled() {
    RecordingRunner runner = new RecordingRunner();
    Path other = DebBuilder.of("convoy-other", "2.0").build(fixture.debs());

    LifecycleResult result = Lifecycle.install(new DebInstaller(runner), fixture.context("2.0", other), s -> { });

    assertThat(result.chain()).containsExactly(LifecycleState.DETECTING, LifecycleState.STAGING,
        LifecycleState.FAILED);
    assertThat(result.message()).isEqualTo("stage failed: " + other.getFileName()
        + ": Package 'convoy-other' (expected: 'convoy-hello', parameter package)");
    assertThat(runner.labels()).containsExactly("dpkg-query", "dpkg-deb");
    assertThat(fixture.dpkgQuery("convoy-other")).isNull();
    assertThat(fixture.packageDir()).doesNotExist();
  }

  @Test
  void stage_versionDiffers_refused() {
    LifecycleResult result = install("2.0", DebBuilder.of(PKG, "2.1"), Map.of());

    assertThat(result.chain()).endsWith(LifecycleState.STAGING, LifecycleState.FAILED);
    assertThat(result.message()).endsWith(": Version '2.1' (expected: '2.0', parameter deb_version)");
    assertThat(fixture.dpkgQuery(PKG)).isNull();
  }

  @Test
  void stage_notADebianPackage_refusedWithDpkgDebsWords() throws Exception {
    Path fake = Files.writeString(fixture.debs().resolve("fake.deb"), "not an ar archive\n".repeat(20));

    LifecycleResult result = Lifecycle.install(new DebInstaller(), fixture.context("2.0", fake), s -> { });

    assertThat(result.chain()).endsWith(LifecycleState.STAGING, LifecycleState.FAILED);
    assertThat(result.message()).startsWith("stage failed: fake.deb: not a readable Debian package (exit 2: ")
        .contains("is not a Debian format archive");
  }

  @Test
  void install_debianVersionWithEpochAndRevision_keptAndDetectedByIt() {
    Map<String, String> parameters = Map.of("deb_version", "1:2.0-1");

    LifecycleResult result = install("2.0.0", DebBuilder.of(PKG, "1:2.0-1"), parameters);

    assertThat(result.chain()).as(result.message()).isEqualTo(SUCCESS);
    assertThat(fixture.dpkgQuery(PKG)).isEqualTo("1:2.0-1 ii");
    assertThat(fixture.kept()).containsExactly("1:2.0-1.deb");
    assertThat(new DebInstaller().detect(fixture.context("2.0.0", null, parameters)))
        .isEqualTo(Detection.same("1:2.0-1"));
    assertThat(new DebInstaller().detect(fixture.context("3.0.0", null, Map.of())))
        .isEqualTo(Detection.other("1:2.0-1"));
  }

  @Test
  void uninstall_conffiles_removeKeepsThemAndPurgeDeletesThem() {
    DebBuilder withConf = DebBuilder.of(PKG, "1.0").conffile("etc/convoy-hello.conf", "answer=42\n");
    install("1.0", withConf, Map.of());

    Lifecycle.uninstall(new DebInstaller(), fixture.context("1.0", null), s -> { });

    assertThat(fixture.dpkgQuery(PKG)).isEqualTo("1.0 rc");
    assertThat(fixture.installed("etc/convoy-hello.conf")).hasContent("answer=42");
    assertThat(new DebInstaller().detect(fixture.context("1.0", null))).isEqualTo(Detection.notInstalled());
    assertThat(fixture.log()).contains("dpkg status: 1.0 rc; counted as not installed");

    LifecycleResult purged = Lifecycle.uninstall(new DebInstaller(), fixture.context("1.0", null,
        Map.of("purge", "true")), s -> { });

    assertThat(purged.message()).isEqualTo("purged convoy-hello 1.0");
    assertThat(fixture.dpkgQuery(PKG)).isNull();
    assertThat(fixture.installed("etc/convoy-hello.conf")).doesNotExist();
  }

  @Test
  void rollback_previousVersionInstalledOutsideConvoy_removedAndReportedAsFailure() {
    fixture.dpkgInstall(DebBuilder.of(PKG, "1.0").build(fixture.debs()));

    LifecycleResult result = install("2.0", DebBuilder.of(PKG, "2.0").script("postinst", "exit 1"), Map.of());

    assertThat(result.chain()).containsExactly(LifecycleState.DETECTING, LifecycleState.STAGING,
        LifecycleState.INSTALLING, LifecycleState.ROLLING_BACK, LifecycleState.FAILED);
    assertThat(result.message()).contains("; rollback failed: previous version 1.0 cannot be reinstalled: deb/1.0.deb"
        + " was not kept (installed outside Convoy?); removed convoy-hello 2.0");
    assertThat(fixture.dpkgQuery(PKG)).isNull();
    assertThat(fixture.packageDir()).doesNotExist();
  }

  @Test
  void install_postinstHangs_timeoutKillsDpkgAndTheRollbackStillWorks() {
    install("1.0", DebBuilder.of(PKG, "1.0"), Map.of());

    LifecycleResult result = install("2.0", DebBuilder.of(PKG, "2.0").script("postinst", "sleep 300"),
        Map.of("timeout", "1s"));

    assertThat(result.chain()).containsExactly(LifecycleState.DETECTING, LifecycleState.STAGING,
        LifecycleState.INSTALLING, LifecycleState.ROLLING_BACK, LifecycleState.ROLLED_BACK);
    assertThat(result.message()).startsWith("install failed: dpkg -i 2.0.deb: timed out after PT1S; killed ")
        .contains("rollback done: reinstalled convoy-hello 1.0");
    assertThat(fixture.dpkgQuery(PKG)).isEqualTo("1.0 ii");
  }

  @Test
  void install_isolatedRoot_dpkgGetsTheIsolationOptionsAndLogsInsideTheRoot() {
    RecordingRunner runner = new RecordingRunner();
    InstallContext context = fixture.context("1.0", DebBuilder.of(PKG, "1.0").build(fixture.debs()));

    Lifecycle.install(new DebInstaller(runner), context, s -> { });

    ProcessSpec dpkgInstall = runner.runs().stream().filter(r -> r.label().equals("dpkg -i")).findFirst()
        .orElseThrow();
    String root = fixture.root().toString();
    assertThat(dpkgInstall.command()).containsExactly("dpkg", "--root=" + root,
        "--log=" + root + "/var/log/dpkg.log", "--force-not-root", "--force-script-chrootless", "--force-confdef",
        "--force-confold", "--install", fixture.packageDir().resolve("deb/1.0.deb").toString());
    assertThat(dpkgInstall.environment()).containsOnlyKeys("PATH", "LANG", "HOME", "DEBIAN_FRONTEND");
    assertThat(runner.runs().get(0).command()).containsExactly("dpkg-query", "--admindir=" + root + "/var/lib/dpkg",
        "-W", "--showformat=convoy-status\t${Version}\\t${db:Status-Abbrev}\\n", PKG);
    assertThat(fixture.installed("var/log/dpkg.log")).content().contains("status installed convoy-hello:all 1.0");
  }

  @Test
  void detect_installedButNotCommitted_reportsThePreviousVersionSoTheRunIsRedone() {
    install("1.0", DebBuilder.of(PKG, "1.0"), Map.of());
    InstallContext upgrade = fixture.context("2.0", DebBuilder.of(PKG, "2.0").build(fixture.debs()));
    DebInstaller installer = new DebInstaller();
    installer.stage(upgrade);
    installer.install(upgrade); // the process dies here: dpkg shows 2.0, nothing was verified or committed

    assertThat(fixture.dpkgQuery(PKG)).isEqualTo("2.0 ii");
    assertThat(installer.detect(upgrade)).isEqualTo(Detection.other("1.0"));
    assertThat(Lifecycle.install(installer, upgrade, s -> { }).chain()).isEqualTo(SUCCESS);
    assertThat(fixture.kept()).containsExactly("2.0.deb");
  }

  @Test
  void detect_badParameter_failsNamingIt() {
    LifecycleResult result = install("2.0", DebBuilder.of(PKG, "2.0"), Map.of("dpkg_root", "relative/root"));

    assertThat(result.chain()).containsExactly(LifecycleState.DETECTING, LifecycleState.FAILED);
    assertThat(result.message()).isEqualTo("detect failed: parameter dpkg_root: 'relative/root' (expected: an"
        + " absolute path without '.' or '..')");
  }
}
