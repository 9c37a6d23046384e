package dev.convoy.installers.script;

import static dev.convoy.installers.LifecycleState.ALREADY_INSTALLED;
import static dev.convoy.installers.LifecycleState.COMMITTING;
import static dev.convoy.installers.LifecycleState.DETECTING;
import static dev.convoy.installers.LifecycleState.FAILED;
import static dev.convoy.installers.LifecycleState.INSTALLING;
import static dev.convoy.installers.LifecycleState.ROLLED_BACK;
import static dev.convoy.installers.LifecycleState.ROLLING_BACK;
import static dev.convoy.installers.LifecycleState.STAGING;
import static dev.convoy.installers.LifecycleState.SUCCEEDED;
import static dev.convoy.installers.LifecycleState.UNINSTALLED;
import static dev.convoy.installers.LifecycleState.UNINSTALLING;
import static dev.convoy.installers.LifecycleState.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.installers.Lifecycle;
import dev.convoy.installers.LifecycleResult;
import dev.convoy.installers.LifecycleState;
import dev.convoy.installers.archive.TreeSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven lifecycle runs of the script backend with real scripts (after Mender's state_test): each case
 * installs 2.0.0 (or uninstalls) over an optional earlier install and asserts the exact chain of states, which
 * scripts ran in which order, the installed app afterwards (byte-identical to before when a rollback restored it),
 * the backend's files, the exit code and the message.
 */
class ScriptLifecycleTest {
  private static final String OLD = "1.0.0";
  private static final String NEW = "2.0.0";
  private static final List<LifecycleState> FULL = List.of(DETECTING, STAGING, INSTALLING, VERIFYING, COMMITTING,
      SUCCEEDED);

  @TempDir
  Path temp;

  /**
   * @param before the version installed (and committed) first, or null
   * @param payload how the payload of {@link #NEW} differs from a good one
   * @param scripts the scripts run by the case, in order
   * @param app the app version afterwards (VERSION file), or null for no app
   * @param entries what the backend keeps in {@code script/} afterwards
   */
  record Case(String name, String before, boolean uninstall, UnaryOperator<ScriptPayloads> payload,
      List<LifecycleState> chain, List<String> scripts, String app, List<String> entries, int exitCode,
      String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    UnaryOperator<ScriptPayloads> good = p -> p;
    List<String> installRan = List.of("detect.sh", "install.sh", "verify.sh");
    return Stream.of(
        new Case("fresh install succeeds", null, false, good, FULL, installRan, NEW, List.of(".current", NEW), 0,
            "committed 2.0.0"),
        new Case("upgrade succeeds and drops the previous scripts", OLD, false, good, FULL, installRan, NEW,
            List.of(".current", NEW), 0, "committed 2.0.0; removed previous version 1.0.0's scripts"),
        new Case("install.sh exits 1: rollback.sh restores the previous files", OLD, false, p -> p.installExits(1),
            List.of(DETECTING, STAGING, INSTALLING, ROLLING_BACK, ROLLED_BACK),
            List.of("detect.sh", "install.sh", "rollback.sh"), OLD, List.of(".current", OLD), 1,
            "install failed: install.sh exited 1 (expected: one of [0]); last output: installed 2.0.0 over 1.0.0;"
                + " rollback done: rollback.sh exited 0; 1.0.0 stays the committed version"),
        new Case("install.sh fails on a fresh install: nothing left", null, false, p -> p.installExits(1),
            List.of(DETECTING, STAGING, INSTALLING, ROLLING_BACK, ROLLED_BACK),
            List.of("detect.sh", "install.sh", "rollback.sh"), null, List.of(), 1, "no committed version"),
        new Case("verify.sh fails: automatic rollback to the previous version", OLD, false, p -> p.verifyExits(1),
            List.of(DETECTING, STAGING, INSTALLING, VERIFYING, ROLLING_BACK, ROLLED_BACK),
            List.of("detect.sh", "install.sh", "verify.sh", "rollback.sh"), OLD, List.of(".current", OLD), 1,
            "verify failed: verify.sh exited 1"),
        new Case("install fails without rollback.sh: cannot be undone", OLD, false,
            p -> p.installExits(1).without("rollback.sh"),
            List.of(DETECTING, STAGING, INSTALLING, ROLLING_BACK, FAILED), List.of("detect.sh", "install.sh"), NEW,
            List.of(".current", ".pending", OLD, NEW), 1, "rollback failed: no rollback.sh in the payload"),
        new Case("already installed: only detect.sh runs", NEW, false, good, List.of(DETECTING, ALREADY_INSTALLED),
            List.of("detect.sh"), NEW, List.of(".current", NEW), 0, "hello 2.0.0 is already installed"),
        new Case("no detect.sh: the committed version decides", NEW, false, p -> p.without("detect.sh"),
            List.of(DETECTING, ALREADY_INSTALLED), List.of(), NEW, List.of(".current", NEW), 0, "already installed"),
        new Case("uninstall runs the committed version's uninstall.sh", OLD, true, good,
            List.of(UNINSTALLING, UNINSTALLED), List.of("uninstall.sh"), null, List.of(), 0,
            "removed hello 1.0.0 (uninstall.sh exited 0)"),
        new Case("uninstall.sh fails: everything stays", OLD, true, p -> p,
            List.of(UNINSTALLING, FAILED), List.of("uninstall.sh"), OLD, List.of(".current", OLD), 4,
            "uninstall failed: uninstall.sh exited 4"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void run_case_exactChainScriptsAndFiles(Case c) {
    ScriptFixture fixture = new ScriptFixture(temp);
    if (c.before() != null) {
      ScriptPayloads first = ScriptPayloads.app(c.before());
      if (c.name().startsWith("uninstall.sh fails")) {
        first.uninstallExits(4);
      }
      assertThat(Lifecycle.install(new ScriptInstaller(), fixture.context(c.before(), first), s -> { }).finalState())
          .isEqualTo(SUCCEEDED);
    }
    SortedMap<String, String> before = TreeSnapshot.of(fixture.app());
    RecordingRunner runner = new RecordingRunner();
    List<LifecycleState> told = new ArrayList<>();

    var context = fixture.context(c.uninstall() ? c.before() : NEW, c.payload().apply(ScriptPayloads.app(NEW)));
    LifecycleResult result = c.uninstall()
        ? Lifecycle.uninstall(new ScriptInstaller(runner), context, told::add)
        : Lifecycle.install(new ScriptInstaller(runner), context, told::add);

    assertThat(result.chain()).isEqualTo(c.chain());
    assertThat(told).isEqualTo(c.chain());
    assertThat(runner.labels()).as("scripts run").isEqualTo(c.scripts());
    assertThat(result.exitCode()).isEqualTo(c.exitCode());
    assertThat(result.message()).contains(c.message());
    assertThat(fixture.appVersion()).isEqualTo(c.app());
    if (c.app() != null && c.app().equals(c.before())) {
      assertThat(TreeSnapshot.of(fixture.app())).as("app byte-identical to before").isEqualTo(before);
    }
    assertThat(fixture.scriptEntries()).isEqualTo(c.entries());
    if (c.app() == null) {
      assertThat(fixture.packageDir()).as("nothing left of the package").doesNotExist();
    }
  }
}
