package dev.convoy.installers.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Lifecycle;
import dev.convoy.installers.LifecycleResult;
import dev.convoy.installers.LifecycleState;
import dev.convoy.installers.archive.ExtractionLimits;
import dev.convoy.installers.archive.ExtractionResult;
import dev.convoy.installers.archive.SafeExtractor;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script backend given a payload directory already extracted and verified by the caller. */
class ScriptDirectoryPayloadTest {
  private static final String VERSION = "1.0.0";

  @TempDir
  Path temp;
  private ScriptFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ScriptFixture(temp);
  }

  private Path extracted(ScriptPayloads payload) {
    Path dir = temp.resolve("staged-" + UUID.randomUUID());
    ExtractionResult result = new SafeExtractor(ExtractionLimits.defaults())
        .extract(payload.write(fixture.payloads()), null, dir);
    assertThat(result.ok()).as(result.message()).isTrue();
    return dir;
  }

  @Test
  void install_directoryPayload_runsItsScriptsAndMovesIt() {
    Path payload = extracted(ScriptPayloads.app(VERSION));
    InstallContext context = fixture.context(VERSION, payload, Map.of());

    LifecycleResult result = Lifecycle.install(new ScriptInstaller(), context, state -> { });

    assertThat(result.finalState()).as(result.message()).isEqualTo(LifecycleState.SUCCEEDED);
    assertThat(fixture.appVersion()).isEqualTo(VERSION);
    assertThat(fixture.scriptEntries()).containsExactly(".current", VERSION);
    assertThat(payload).doesNotExist();
    assertThat(fixture.log()).anyMatch(line -> line.contains("[detect.sh]") || line.contains("detect.sh exited 1"));
  }

  @Test
  void detect_directoryPayload_runsDetectScriptInPlaceAndKeepsThePayload() {
    Path payload = extracted(ScriptPayloads.app(VERSION));
    Lifecycle.install(new ScriptInstaller(), fixture.context(VERSION, extracted(ScriptPayloads.app(VERSION)),
        Map.of()), state -> { });

    Detection detection = new ScriptInstaller().detect(fixture.context(VERSION, payload, Map.of()));

    assertThat(detection).isEqualTo(Detection.same(VERSION));
    assertThat(payload.resolve("install.sh")).exists();
  }

  @Test
  void install_directoryPayloadInstallFails_reportsExitCodeAndOutput() {
    Path payload = extracted(ScriptPayloads.app(VERSION).installExits(3).without("rollback.sh"));

    LifecycleResult result = Lifecycle.install(new ScriptInstaller(), fixture.context(VERSION, payload, Map.of()),
        state -> { });

    assertThat(result.finalState()).isEqualTo(LifecycleState.FAILED);
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.message()).contains("install.sh exited 3").contains("installed 1.0.0 over nothing");
  }
}
