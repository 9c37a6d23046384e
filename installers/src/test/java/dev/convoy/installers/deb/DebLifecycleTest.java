package dev.convoy.installers.deb;

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
import dev.convoy.installers.script.RecordingRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven lifecycle runs of the deb backend with the real dpkg on .deb files built by the test, installed
 * into an isolated root (after Mender's state_test): each case installs 2.0 (or uninstalls) over an optional
 * earlier install and asserts the exact chain of states, every dpkg invocation in order, what dpkg-query shows
 * afterwards, the installed files (byte-identical to before when the previous version was reinstalled), the kept
 * .deb files, the exit code and the message. The machine's dpkg database is checked unchanged afterwards.
 */
@ExtendWith(MachineDpkgUnchanged.class)
class DebLifecycleTest {
  private static final String NEW = "2.0";
  private static final String OLD = "1.0";
  private static final String PKG = DebFixture.PACKAGE;
  private static final List<String> DETECT = List.of("dpkg-query");
  private static final List<String> STAGE_INSTALL = List.of("dpkg-deb", "dpkg-query", "dpkg -i");
  private static final List<String> VERIFY = List.of("dpkg-query", "dpkg --verify");

  @TempDir
  Path temp;

  /**
   * @param before the version installed first (through Convoy), or null
   * @param deb how the .deb of {@link #NEW} differs from a good one
   * @param dpkg the dpkg invocations of the case, in order
   * @param after what dpkg-query shows afterwards ("2.0 ii "), or null for no record
   * @param kept the files in managedRoot/convoy-hello/deb afterwards
   */
  record Case(String name, String before, boolean uninstall, UnaryOperator<DebBuilder> deb,
      List<LifecycleState> chain, List<String> dpkg, String after, List<String> kept, int exitCode, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) { // iterated, never passed on: the array cannot escape
      all.addAll(part);
    }
    return all;
  }

  static Stream<Case> cases() {
    UnaryOperator<DebBuilder> good = d -> d;
    UnaryOperator<DebBuilder> failingPostinst = d -> d.script("postinst", "echo 'postinst: cannot start'; exit 7");
    UnaryOperator<DebBuilder> tamperingPostinst = d -> d.script("postinst",
        "echo tampered > \"$DPKG_ROOT/usr/share/" + PKG + "/readme\"");
    return Stream.of(
        new Case("fresh install succeeds", null, false, good,
            List.of(DETECTING, STAGING, INSTALLING, VERIFYING, COMMITTING, SUCCEEDED),
            concat(DETECT, STAGE_INSTALL, VERIFY), "2.0 ii ", List.of("2.0.deb"), 0,
            "committed convoy-hello 2.0; deb/2.0.deb kept for a later rollback"),
        new Case("upgrade 1.0 -> 2.0 succeeds and drops the old .deb", OLD, false, good,
            List.of(DETECTING, STAGING, INSTALLING, VERIFYING, COMMITTING, SUCCEEDED),
            concat(DETECT, STAGE_INSTALL, VERIFY), "2.0 ii ", List.of("2.0.deb"), 0, "dropped 1 older .deb"),
        new Case("postinst fails: previous version reinstalled", OLD, false, failingPostinst,
            List.of(DETECTING, STAGING, INSTALLING, ROLLING_BACK, ROLLED_BACK),
            concat(DETECT, STAGE_INSTALL, List.of("dpkg -i", "dpkg-query")), "1.0 ii ", List.of("1.0.deb"), 1,
            "install failed: dpkg -i 2.0.deb: exit 1: "),
        new Case("postinst fails on a fresh install: package removed", null, false, failingPostinst,
            List.of(DETECTING, STAGING, INSTALLING, ROLLING_BACK, ROLLED_BACK),
            concat(DETECT, STAGE_INSTALL, List.of("dpkg-query", "dpkg --remove")), null, List.of(), 1,
            "rollback done: removed convoy-hello 2.0 (no previous version)"),
        new Case("dpkg --verify finds a changed file: previous version reinstalled", OLD, false, tamperingPostinst,
            List.of(DETECTING, STAGING, INSTALLING, VERIFYING, ROLLING_BACK, ROLLED_BACK),
            concat(DETECT, STAGE_INSTALL, VERIFY, List.of("dpkg -i", "dpkg-query")), "1.0 ii ", List.of("1.0.deb"),
            -1, "verify failed: dpkg --verify convoy-hello: 1 file differs from the package: ??5??????"
                + "   /usr/share/convoy-hello/readme; rollback done: reinstalled convoy-hello 1.0 from deb/1.0.deb"),
        new Case("already installed: only dpkg-query runs", NEW, false, good, List.of(DETECTING, ALREADY_INSTALLED),
            DETECT, "2.0 ii ", List.of("2.0.deb"), 0, "convoy-hello 2.0 is already installed"),
        new Case("uninstall removes the package", OLD, true, good, List.of(UNINSTALLING, UNINSTALLED),
            List.of("dpkg-query", "dpkg --remove"), null, List.of(), 0, "removed convoy-hello 1.0"),
        new Case("uninstall: prerm fails, package stays", OLD, true, good, List.of(UNINSTALLING, FAILED),
            // dpkg keeps the package installed but its selection at "remove" (r), as after any failed removal
            List.of("dpkg-query", "dpkg --remove"), "1.0 ri ", List.of("1.0.deb"), 1,
            "uninstall failed: dpkg --remove convoy-hello: exit 1: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void run_case_exactChainDpkgCallsAndState(Case c) {
    DebFixture fixture = new DebFixture(temp);
    if (c.before() != null) {
      DebBuilder first = DebBuilder.of(PKG, c.before());
      if (c.name().contains("prerm fails")) {
        first.script("prerm", "echo 'prerm: still in use'; exit 1");
      }
      LifecycleResult installed = Lifecycle.install(new DebInstaller(), fixture.context(c.before(),
          first.build(fixture.debs())), s -> { });
      assertThat(installed.finalState()).as(installed.message()).isEqualTo(SUCCEEDED);
    }
    SortedMap<String, String> before = TreeSnapshot.of(fixture.installed("usr"));
    RecordingRunner runner = new RecordingRunner();
    List<LifecycleState> told = new ArrayList<>();
    String version = c.uninstall() ? c.before() : NEW;

    var context = fixture.context(version, c.deb().apply(DebBuilder.of(PKG, NEW)).build(fixture.debs()));
    LifecycleResult result = c.uninstall()
        ? Lifecycle.uninstall(new DebInstaller(runner), context, told::add)
        : Lifecycle.install(new DebInstaller(runner), context, told::add);

    assertThat(result.chain()).as(result.message()).isEqualTo(c.chain());
    assertThat(told).isEqualTo(c.chain());
    assertThat(runner.labels()).as("dpkg invocations").isEqualTo(c.dpkg());
    assertThat(result.exitCode()).isEqualTo(c.exitCode());
    assertThat(result.message()).contains(c.message());
    assertThat(fixture.dpkgQuery(PKG)).isEqualTo(c.after() == null ? null : c.after().strip());
    if (c.after() != null && c.after().startsWith(String.valueOf(c.before()))) {
      assertThat(TreeSnapshot.of(fixture.installed("usr"))).as("files byte-identical to before").isEqualTo(before);
    }
    if (c.after() == null) {
      assertThat(fixture.installed("usr/share/" + PKG + "/readme")).doesNotExist();
    }
    assertThat(fixture.kept()).isEqualTo(c.kept());
    if (c.kept().isEmpty()) {
      assertThat(fixture.packageDir()).as("nothing left in the managed root").doesNotExist();
    }
  }
}
