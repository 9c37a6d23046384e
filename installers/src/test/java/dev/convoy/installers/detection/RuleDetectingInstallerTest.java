package dev.convoy.installers.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Installer;
import dev.convoy.installers.Installers;
import dev.convoy.installers.Lifecycle;
import dev.convoy.installers.LifecycleResult;
import dev.convoy.installers.LifecycleState;
import dev.convoy.installers.archive.ArchiveBuilder;
import dev.convoy.installers.archive.ArchiveInstaller;
import dev.convoy.installers.archive.InstallFixture;
import dev.convoy.installers.deb.DebBuilder;
import dev.convoy.installers.deb.DebFixture;
import dev.convoy.installers.deb.DebInstaller;
import dev.convoy.installers.deb.MachineDpkgUnchanged;
import dev.convoy.installers.script.RecordingRunner;
import dev.convoy.installers.script.ScriptFixture;
import dev.convoy.installers.script.ScriptInstaller;
import dev.convoy.installers.script.ScriptPayloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection rules through the lifecycle, with every backend: a release the rule finds installed ends
 * ALREADY_INSTALLED and nothing of the backend runs; otherwise the backend installs as usual.
 */
@ExtendWith(MachineDpkgUnchanged.class)
class RuleDetectingInstallerTest {
  private static final List<LifecycleState> ALREADY = List.of(LifecycleState.DETECTING,
      LifecycleState.ALREADY_INSTALLED);

  @TempDir
  Path temp;

  @Test
  void scriptBackend_fileRuleFindsTheVersion_alreadyInstalledAndNoScriptRuns() {
    ScriptFixture fixture = new ScriptFixture(temp);
    Lifecycle.install(new ScriptInstaller(), fixture.context("1.0.0", ScriptPayloads.app("1.0.0")), s -> { });
    RecordingRunner runner = new RecordingRunner();
    Installer installer = new RuleDetectingInstaller(new ScriptInstaller(runner), runner);
    Map<String, String> rule = Map.of("detect", "file:VERSION:{version}");

    LifecycleResult same = Lifecycle.install(installer, fixture.context("1.0.0",
        ScriptPayloads.app("1.0.0").write(fixture.payloads()), rule), s -> { });

    assertThat(same.chain()).isEqualTo(ALREADY);
    assertThat(runner.labels()).as("no script ran, not even detect.sh").isEmpty();
    assertThat(fixture.log()).contains("detect file:VERSION:{version}: INSTALLED_SAME (1.0.0)");

    LifecycleResult upgrade = Lifecycle.install(installer, fixture.context("2.0.0",
        ScriptPayloads.app("2.0.0").write(fixture.payloads()), rule), s -> { });

    assertThat(upgrade.finalState()).isEqualTo(LifecycleState.SUCCEEDED);
    assertThat(runner.labels()).containsExactly("install.sh", "verify.sh");
    assertThat(fixture.appVersion()).isEqualTo("2.0.0");
  }

  @Test
  void archiveBackend_fileRuleWithRegex_decidesInsteadOfTheCurrentLink() {
    InstallFixture fixture = new InstallFixture(temp);
    Lifecycle.install(Installers.forType("archive"), fixture.context("1.0.0"), s -> { });
    Map<String, String> rule = Map.of("detect", "file:share/readme.txt:/^readme of (\\S+)$/");

    LifecycleResult same = Lifecycle.install(Installers.forType("archive"), fixture.context("1.0.0",
        fixture.payload("1.0.0"), rule, 0), s -> { });
    LifecycleResult other = Lifecycle.install(Installers.forType("archive"), fixture.context("2.0.0",
        fixture.payload("2.0.0"), rule, 0), s -> { });

    assertThat(same.chain()).isEqualTo(ALREADY);
    assertThat(other.finalState()).isEqualTo(LifecycleState.SUCCEEDED);
    assertThat(fixture.log()).contains("detect file:share/readme.txt:/^readme of (\\S+)$/: INSTALLED_OTHER (1.0.0)");
    assertThat(fixture.currentVersion()).isEqualTo("2.0.0");
  }

  @Test
  void debBackend_dpkgRule_alreadyInstalledWithoutAnyDpkgInvocation() {
    DebFixture fixture = new DebFixture(temp);
    Path deb = DebBuilder.of("convoy-hello", "1.0").build(fixture.debs());
    fixture.dpkgInstall(deb);
    RecordingRunner runner = new RecordingRunner();
    Map<String, String> parameters = new HashMap<>(Map.of("detect", "dpkg:convoy-hello"));

    LifecycleResult result = Lifecycle.install(new RuleDetectingInstaller(new DebInstaller(runner), runner),
        fixture.context("1.0", deb, parameters), s -> { });

    assertThat(result.chain()).isEqualTo(ALREADY);
    assertThat(runner.labels()).containsExactly("dpkg-query");
  }

  @Test
  void scriptRule_onAnArchiveRelease_runsTheScriptFromThePayload() throws Exception {
    InstallFixture fixture = new InstallFixture(temp);
    Path payload = ArchiveBuilder.tarGz().file("detect.sh", "exit 0\n")
        .file("readme", "x").write(Files.createDirectories(temp.resolve("p")).resolve("a.tar.gz"));

    LifecycleResult result = Lifecycle.install(Installers.forType("archive"), fixture.context("1.0.0", payload,
        Map.of("detect", "script:detect.sh"), 0), s -> { });

    assertThat(result.chain()).isEqualTo(ALREADY);
    assertThat(fixture.log()).contains("detect.sh exited 0: installed");
  }

  @Test
  void malformedRule_detectFailsNamingIt() {
    InstallContext context = new InstallFixture(temp).context("1.0.0", null, Map.of("detect", "wmi:x"), 0);

    LifecycleResult result = Lifecycle.install(RuleDetectingInstaller.wrap(new ArchiveInstaller()), context, s -> { });

    assertThat(result.chain()).containsExactly(LifecycleState.DETECTING, LifecycleState.FAILED);
    assertThat(result.message()).startsWith("detect failed: parameter detect: 'wmi:x' (expected: ");
  }
}
