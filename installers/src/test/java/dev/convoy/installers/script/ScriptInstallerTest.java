package dev.convoy.installers.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Lifecycle;
import dev.convoy.installers.LifecycleResult;
import dev.convoy.installers.LifecycleState;
import dev.convoy.installers.archive.ArchiveBuilder;
import dev.convoy.installers.archive.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The script backend with real scripts: environment, exit code mapping, timeout, output, hostile payloads. */
class ScriptInstallerTest {
  private static final List<LifecycleState> SUCCESS = List.of(LifecycleState.DETECTING, LifecycleState.STAGING,
      LifecycleState.INSTALLING, LifecycleState.VERIFYING, LifecycleState.COMMITTING, LifecycleState.SUCCEEDED);
  private static final List<LifecycleState> INSTALL_ROLLED_BACK = List.of(LifecycleState.DETECTING,
      LifecycleState.STAGING, LifecycleState.INSTALLING, LifecycleState.ROLLING_BACK, LifecycleState.ROLLED_BACK);

  @TempDir
  Path temp;
  private ScriptFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ScriptFixture(temp);
  }

  private LifecycleResult install(String version, ScriptPayloads payload, Map<String, String> parameters) {
    InstallContext context = fixture.context(version, payload.write(fixture.payloads()), parameters);
    return Lifecycle.install(new ScriptInstaller(), context, s -> { });
  }

  /** The "[install.sh] NAME=value" lines of the log as a map. */
  private Map<String, String> printedEnvironment() {
    return fixture.log().stream().filter(l -> l.startsWith("[install.sh] ") && l.contains("="))
        .map(l -> l.substring("[install.sh] ".length()))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
            (a, b) -> b, TreeMap::new));
  }

  @Test
  void install_scriptPrintsEnv_seesOnlyTheCleanEnvironment() {
    install("1.0.0", ScriptPayloads.app("1.0.0"), Map.of());
    fixture.clearLog();

    LifecycleResult result = install("2.0.0", ScriptPayloads.app("2.0.0").script("install.sh", "env\n"),
        Map.of("verify_script", "none"));

    assertThat(result.finalState()).as(result.message()).isEqualTo(LifecycleState.SUCCEEDED);
    Map<String, String> env = printedEnvironment();
    Path payloadDir = fixture.packageDir().resolve("script/2.0.0").toAbsolutePath();
    // PWD is not passed: dash sets and exports it itself.
    assertThat(env).containsOnlyKeys("PATH", "LANG", "HOME", "PWD", "CONVOY_PACKAGE", "CONVOY_VERSION",
        "CONVOY_PAYLOAD_DIR", "CONVOY_MANAGED_ROOT", "CONVOY_ACTION", "CONVOY_PREVIOUS_VERSION");
    assertThat(env).containsEntry("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").containsEntry("LANG", "C.UTF-8")
        .containsEntry("HOME", fixture.workDir().toAbsolutePath().toString())
        .containsEntry("PWD", payloadDir.toString()).containsEntry("CONVOY_PACKAGE", "hello")
        .containsEntry("CONVOY_VERSION", "2.0.0").containsEntry("CONVOY_PAYLOAD_DIR", payloadDir.toString())
        .containsEntry("CONVOY_MANAGED_ROOT", fixture.managedRoot().toAbsolutePath().toString())
        .containsEntry("CONVOY_ACTION", "install").containsEntry("CONVOY_PREVIOUS_VERSION", "1.0.0");
    Set<String> leaked = System.getenv().keySet().stream()
        .filter(k -> !Set.of("PATH", "LANG", "HOME", "PWD").contains(k)).filter(env::containsKey)
        .collect(Collectors.toSet());
    assertThat(leaked).as("agent environment variables seen by the script").isEmpty();
  }

  @ParameterizedTest(name = "exit {0} -> {1}")
  @CsvSource({
      "0,    SUCCEEDED,   0,   install.sh exited 0",
      "1,    ROLLED_BACK, 1,   install failed: install.sh exited 1 (expected: one of [0] or reboot [3010])",
      "3010, SUCCEEDED,   0,   committed 1.0.0; reboot required",
      "75,   ROLLED_BACK, 75,  install failed: install.sh exited 75 (retryable)"})
  void install_exitCode_mappedAsDeclared(int exit, LifecycleState end, int exitCode, String message) {
    Map<String, String> codes = Map.of("reboot_codes", "3010", "retryable_codes", "75,111");

    LifecycleResult result = install("1.0.0", ScriptPayloads.app("1.0.0").installExits(exit), codes);

    assertThat(result.chain()).isEqualTo(end == LifecycleState.SUCCEEDED ? SUCCESS : INSTALL_ROLLED_BACK);
    assertThat(result.exitCode()).isEqualTo(exitCode);
    assertThat(result.retryable()).as("declared retryable").isEqualTo(exit == 75);
    assertThat(String.join("\n", fixture.log()) + "\n" + result.message()).contains(message);
  }

  @Test
  void install_rebootCode_loggedWithTheStatusThatArrived() {
    LifecycleResult result = install("1.0.0", ScriptPayloads.app("1.0.0").installExits(3010),
        Map.of("reboot_codes", "3010"));

    assertThat(result.message()).endsWith("; reboot required");
    assertThat(fixture.log()).contains("install: install.sh exited 194 (declared as 3010): reboot required");
  }

  @Test
  void install_timeout_killsTheScriptAndWhatItStarted() throws IOException {
    String hang = "#!/bin/sh\nsleep 300 &\necho \"child $!\"\n"
        + "sh -c 'sleep 301 & echo \"grandchild $!\"; wait' &\nwait\n";

    long started = System.nanoTime();
    LifecycleResult result = install("1.0.0", ScriptPayloads.app("1.0.0").script("install.sh", hang),
        Map.of("timeout", "1s"));

    assertThat(System.nanoTime() - started).as("no waiting for sleep 300").isLessThan(20_000_000_000L);
    assertThat(result.chain()).isEqualTo(INSTALL_ROLLED_BACK);
    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.message()).contains("install failed: install.sh timed out after PT1S; killed 4 processes");
    for (String prefix : List.of("[install.sh] child ", "[install.sh] grandchild ")) {
      long pid = fixture.log().stream().filter(l -> l.startsWith(prefix))
          .map(l -> Long.parseLong(l.substring(prefix.length()))).findFirst().orElseThrow();
      assertThat(Processes.awaitGone(pid)).as(prefix + pid + " killed").isTrue();
    }
  }

  @Test
  void install_loudScript_logsEveryLineAndKeepsTheTailInTheMessage() {
    LifecycleResult result = install("1.0.0", ScriptPayloads.app("1.0.0")
        .script("install.sh", "seq 1 20000\necho 'disk full' >&2\nexit 1\n"), Map.of());

    assertThat(fixture.log()).contains("[install.sh] 1", "[install.sh] 20000", "[install.sh] disk full");
    assertThat(result.message()).contains("last output: 19992 | 19993").contains("20000 | disk full;");
  }

  static Stream<ArchiveBuilder> hostilePayloads() {
    return Stream.of(
        ArchiveBuilder.tarGz().file("install.sh", "true").file("../escape.sh", "x"),
        ArchiveBuilder.tarGz().file("/tmp/absolute.sh", "x"),
        ArchiveBuilder.tarGz().file("install.sh", "true").symlink("up", "..").file("up/escape.sh", "x"),
        ArchiveBuilder.tarGz().symlink("install.sh", "/etc/passwd"),
        ArchiveBuilder.tarGz().file("install.sh", "true").hardlink("h", "/etc/passwd"),
        ArchiveBuilder.zip().file("install.sh", "true").file("..\\escape.sh", "x"),
        ArchiveBuilder.tarGz().file("install.sh", "true").file("./install.sh", "rm -rf /"));
  }

  @ParameterizedTest
  @MethodSource("hostilePayloads")
  void install_hostilePayload_refusedAtStageAndNothingRuns(ArchiveBuilder hostile) throws IOException {
    Path payload = hostile.write(fixture.payloads().resolve("hostile.bin"));
    SortedMap<String, String> before = TreeSnapshot.of(temp, p -> p.startsWith(fixture.workDir()));
    RecordingRunner runner = new RecordingRunner();

    LifecycleResult result = Lifecycle.install(new ScriptInstaller(runner),
        fixture.context("1.0.0", payload, Map.of()), s -> { });

    assertThat(result.chain()).containsExactly(LifecycleState.DETECTING, LifecycleState.STAGING,
        LifecycleState.FAILED);
    assertThat(result.message()).startsWith("stage failed: refused hostile.bin: ");
    assertThat(runner.labels()).as("no script ran").isEmpty();
    assertThat(TreeSnapshot.of(temp, p -> p.startsWith(fixture.workDir()))).as("nothing written").isEqualTo(before);
  }

  @Test
  void install_zipPayload_works() {
    LifecycleResult result = install("1.0.0", ScriptPayloads.app("1.0.0").zip(), Map.of());

    assertThat(result.chain()).isEqualTo(SUCCESS);
    assertThat(fixture.appVersion()).isEqualTo("1.0.0");
  }

  @Test
  void install_payloadBiggerThanDeclared_refused() {
    InstallContext context = new InstallContext("hello", "1.0.0", ScriptPayloads.app("1.0.0")
        .write(fixture.payloads()), fixture.managedRoot(), fixture.workDir(), Map.of(), 100, line -> { });

    LifecycleResult result = Lifecycle.install(new ScriptInstaller(), context, s -> { });

    assertThat(result.chain()).endsWith(LifecycleState.STAGING, LifecycleState.FAILED);
    assertThat(result.message()).contains("unpacks to more than 100 bytes");
  }

  @Test
  void stage_noInstallScript_failsNamingIt() {
    LifecycleResult result = install("1.0.0", ScriptPayloads.app("1.0.0").without("install.sh"), Map.of());

    assertThat(result.message()).isEqualTo("stage failed: payload: no install.sh (expected: the install script,"
        + " parameter install_script)");
    assertThat(fixture.packageDir()).doesNotExist();
  }

  @Test
  void stage_scriptNamesFromParameters_used() {
    ScriptPayloads payload = ScriptPayloads.app("1.0.0")
        .script("bin/setup", "echo custom; mkdir -p \"$CONVOY_MANAGED_ROOT/custom\"\n");

    LifecycleResult result = install("1.0.0", payload, Map.of("install_script", "bin/setup", "verify_script", "none"));

    assertThat(result.chain()).as(result.message()).isEqualTo(SUCCESS);
    assertThat(fixture.log()).contains("[bin/setup] custom", "verify: no none in the payload; nothing to verify");
    assertThat(fixture.managedRoot().resolve("custom")).isDirectory();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "install_script=../x.sh | parameter install_script: '../x.sh' (expected: a relative path inside the payload",
      "timeout=soon           | parameter timeout: 'soon' (expected: a positive duration",
      "success_codes=0,x      | parameter success_codes: '0,x' (expected: comma-separated exit codes >= 0",
      "reboot_codes=256       | reboot_codes: 256 (expected: not also in success_codes 0; exit statuses are 8 bits"})
  void install_badParameter_failsAtDetectNamingIt(String parameter, String message) {
    String[] kv = parameter.split("=", 2);

    LifecycleResult result = install("1.0.0", ScriptPayloads.app("1.0.0"), Map.of(kv[0], kv[1]));

    assertThat(result.chain()).containsExactly(LifecycleState.DETECTING, LifecycleState.FAILED);
    assertThat(result.message()).startsWith("detect failed: " + message);
  }

  @Test
  void install_stdinClosed_scriptReadingItDoesNotHang() {
    LifecycleResult result = install("1.0.0", ScriptPayloads.app("1.0.0")
        .script("install.sh", "if read answer; then echo \"got $answer\"; else echo 'end of input'; fi\n"),
        Map.of("timeout", "20s", "verify_script", "none"));

    assertThat(result.finalState()).isEqualTo(LifecycleState.SUCCEEDED);
    assertThat(fixture.log()).contains("[install.sh] end of input");
  }

  @Test
  void detect_detectScriptTimesOut_detectFailsAndNothingElseRuns() {
    RecordingRunner runner = new RecordingRunner();
    InstallContext context = fixture.context("1.0.0", ScriptPayloads.app("1.0.0").script("detect.sh", "sleep 60\n")
        .write(fixture.payloads()), Map.of("timeout", "500ms"));

    LifecycleResult result = Lifecycle.install(new ScriptInstaller(runner), context, s -> { });

    assertThat(result.chain()).containsExactly(LifecycleState.DETECTING, LifecycleState.FAILED);
    assertThat(result.message()).startsWith("detect failed: detect.sh timed out after PT0.5S");
    assertThat(runner.labels()).containsExactly("detect.sh");
  }

  @Test
  void detect_uncommittedInstall_redoneOnTheNextRun() {
    install("1.0.0", ScriptPayloads.app("1.0.0"), Map.of());
    ScriptInstaller installer = new ScriptInstaller();
    InstallContext upgrade = fixture.context("2.0.0", ScriptPayloads.app("2.0.0"));
    installer.stage(upgrade);
    installer.install(upgrade); // the process dies here: install.sh ran, nothing committed

    LifecycleResult again = Lifecycle.install(installer, fixture.context("2.0.0", ScriptPayloads.app("2.0.0")),
        s -> { });

    assertThat(fixture.log()).contains("found an uncommitted install of 2.0.0; it will be redone");
    assertThat(again.chain()).isEqualTo(SUCCESS);
    assertThat(fixture.scriptEntries()).containsExactly(".current", "2.0.0");
  }

  @Test
  void uninstall_nothingInstalled_succeedsWithoutRunningAnything() {
    RecordingRunner runner = new RecordingRunner();

    LifecycleResult result = Lifecycle.uninstall(new ScriptInstaller(runner),
        fixture.context("1.0.0", null, Map.of()), s -> { });

    assertThat(result.chain()).containsExactly(LifecycleState.UNINSTALLING, LifecycleState.UNINSTALLED);
    assertThat(result.message()).isEqualTo("hello is not installed; nothing to remove");
    assertThat(runner.labels()).isEmpty();
  }

  @Test
  void uninstall_rebootCode_reportedInTheMessage() {
    install("1.0.0", ScriptPayloads.app("1.0.0").script("uninstall.sh", "exit 3010\n"), Map.of());

    LifecycleResult result = Lifecycle.uninstall(new ScriptInstaller(),
        fixture.context("1.0.0", null, Map.of("reboot_codes", "3010")), s -> { });

    assertThat(result.finalState()).isEqualTo(LifecycleState.UNINSTALLED);
    assertThat(result.message()).isEqualTo("removed hello 1.0.0 (uninstall.sh exited 194 (declared as 3010):"
        + " reboot required)");
    assertThat(Files.exists(fixture.packageDir().resolve("script"))).isFalse();
  }
}
