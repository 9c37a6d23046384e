package dev.convoy.installers;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.installers.archive.ArchiveInstaller;
import dev.convoy.installers.archive.InstallFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven lifecycle tests (after Mender's state_test): each case installs 2.0.0 (or uninstalls) with the real
 * archive backend behind a fault-injecting port, and asserts the exact chain of states, the interleaving of
 * listener calls and steps, the version live afterwards (byte-identical when it is the one from before), the
 * versions left on disk, the exit code and the message.
 */
class LifecycleTest {
  private static final String OLD = "1.0.0";
  private static final String NEW = "2.0.0";

  @TempDir
  Path temp;

  /**
   * @param before the version installed before the run, or null
   * @param uninstall whether the run is an uninstall (else an install of {@link #NEW})
   * @param live the version current points at afterwards, or null
   * @param versions the version directories left afterwards
   */
  record Case(String name, String before, boolean uninstall, UnaryOperator<FaultyInstaller> faults,
      List<LifecycleState> chain, String live, List<String> versions, int exitCode, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    UnaryOperator<FaultyInstaller> none = f -> f;
    return Stream.of(
        install("fresh install succeeds", null, none,
            List.of(DETECTING, STAGING, INSTALLING, VERIFYING, COMMITTING, SUCCEEDED), NEW, List.of(NEW), 0,
            "committed 2.0.0"),
        install("upgrade succeeds and drops the previous version", OLD, none,
            List.of(DETECTING, STAGING, INSTALLING, VERIFYING, COMMITTING, SUCCEEDED), NEW, List.of(NEW), 0,
            "removed previous version 1.0.0"),
        install("already installed: nothing else runs", NEW, none,
            List.of(DETECTING, ALREADY_INSTALLED), NEW, List.of(NEW), 0, "already installed"),
        install("detect throws", OLD, f -> f.throwIn("detect"),
            List.of(DETECTING, FAILED), OLD, List.of(OLD), -1, "injected detect exception"),
        install("stage fails: nothing switched, no rollback", OLD, f -> f.failBefore("stage"),
            List.of(DETECTING, STAGING, FAILED), OLD, List.of(OLD), FaultyInstaller.INJECTED_EXIT,
            "stage failed: injected stage failure"),
        install("stage fails after extracting: staged version cleaned up", OLD, f -> f.failAfter("stage"),
            List.of(DETECTING, STAGING, FAILED), OLD, List.of(OLD), FaultyInstaller.INJECTED_EXIT, "stage failed"),
        install("stage throws: message kept", OLD, f -> f.throwIn("stage"),
            List.of(DETECTING, STAGING, FAILED), OLD, List.of(OLD), -1, "stage failed: injected stage exception"),
        install("install fails before switching", OLD, f -> f.failBefore("install"),
            List.of(DETECTING, STAGING, INSTALLING, ROLLING_BACK, ROLLED_BACK), OLD, List.of(OLD),
            FaultyInstaller.INJECTED_EXIT, "install failed: injected install failure; rollback done"),
        install("install fails after switching", OLD, f -> f.failAfter("install"),
            List.of(DETECTING, STAGING, INSTALLING, ROLLING_BACK, ROLLED_BACK), OLD, List.of(OLD),
            FaultyInstaller.INJECTED_EXIT, "current -> versions/1.0.0 again"),
        install("verify finds a damaged file: automatic rollback", OLD, f -> f.before("verify", () -> { }),
            List.of(DETECTING, STAGING, INSTALLING, VERIFYING, ROLLING_BACK, ROLLED_BACK), OLD, List.of(OLD), -1,
            "verify failed: 1 of"),
        install("verify fails on a fresh install: nothing left", null, f -> f.failAfter("verify"),
            List.of(DETECTING, STAGING, INSTALLING, VERIFYING, ROLLING_BACK, ROLLED_BACK), null, List.of(), 
            FaultyInstaller.INJECTED_EXIT, "current removed (no previous version)"),
        install("commit fails: rolled back", OLD, f -> f.failBefore("commit"),
            List.of(DETECTING, STAGING, INSTALLING, VERIFYING, COMMITTING, ROLLING_BACK, ROLLED_BACK), OLD,
            List.of(OLD), FaultyInstaller.INJECTED_EXIT, "commit failed: injected commit failure"),
        install("rollback itself fails", OLD, f -> f.failAfter("verify").failBefore("rollback"),
            List.of(DETECTING, STAGING, INSTALLING, VERIFYING, ROLLING_BACK, FAILED), NEW, List.of(OLD, NEW),
            FaultyInstaller.INJECTED_EXIT, "verify failed: injected verify failure after it ran; rollback failed"),
        uninstall("uninstall succeeds", OLD, none, List.of(UNINSTALLING, UNINSTALLED), null, null, 0,
            "removed hello"),
        uninstall("uninstall fails", OLD, f -> f.failBefore("uninstall"), List.of(UNINSTALLING, FAILED), OLD,
            List.of(OLD), FaultyInstaller.INJECTED_EXIT, "uninstall failed: injected uninstall failure"));
  }

  private static Case install(String name, String before, UnaryOperator<FaultyInstaller> faults,
      List<LifecycleState> chain, String live, List<String> versions, int exitCode, String message) {
    return new Case(name, before, false, faults, chain, live, versions, exitCode, message);
  }

  private static Case uninstall(String name, String before, UnaryOperator<FaultyInstaller> faults,
      List<LifecycleState> chain, String live, List<String> versions, int exitCode, String message) {
    return new Case(name, before, true, faults, chain, live, versions, exitCode, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void run_case_exactChainAndFiles(Case c) {
    InstallFixture fixture = new InstallFixture(temp);
    if (c.before() != null) {
      assertThat(Lifecycle.install(new ArchiveInstaller(), fixture.context(c.before()), s -> { }).finalState())
          .isEqualTo(SUCCEEDED);
    }
    SortedMap<String, String> beforeTree = fixture.installedTree();
    List<String> events = new ArrayList<>();
    FaultyInstaller installer = c.faults().apply(new FaultyInstaller(new ArchiveInstaller(), events));
    if (c.name().startsWith("verify finds")) {
      installer.before("verify", () -> damage(fixture.packageDir().resolve("versions/" + NEW + "/bin/hello")));
    }
    InstallContext context = fixture.context(NEW);

    LifecycleResult result = c.uninstall()
        ? Lifecycle.uninstall(installer, context, s -> events.add("state " + s))
        : Lifecycle.install(installer, context, s -> events.add("state " + s));

    assertThat(result.chain()).isEqualTo(c.chain());
    assertThat(result.finalState()).isEqualTo(c.chain().get(c.chain().size() - 1));
    assertThat(events).as("listener told of each state before its step; cleanup last").isEqualTo(expectedEvents(c));
    assertThat(result.exitCode()).isEqualTo(c.exitCode());
    assertThat(result.message()).contains(c.message());
    assertThat(fixture.currentVersion()).isEqualTo(c.live());
    if (c.live() != null && c.live().equals(c.before())) {
      assertThat(fixture.installedTree()).as("previous version byte-identical").isEqualTo(beforeTree);
    }
    if (c.versions() == null || c.versions().isEmpty()) {
      assertThat(fixture.packageDir()).as("nothing left of the package").doesNotExist();
    } else {
      assertThat(fixture.versions()).isEqualTo(c.versions());
      assertThat(fixture.packageEntries()).as("no leftovers").allMatch(n -> n.equals("current")
          || n.equals("versions") || (c.chain().contains(ROLLING_BACK) && result.finalState() == FAILED));
    }
  }

  private static List<String> expectedEvents(Case c) {
    List<String> events = new ArrayList<>();
    for (LifecycleState state : c.chain()) {
      events.add("state " + state);
      String step = switch (state) {
        case DETECTING -> "detect";
        case STAGING -> "stage";
        case INSTALLING -> "install";
        case VERIFYING -> "verify";
        case COMMITTING -> "commit";
        case ROLLING_BACK -> "rollback";
        case UNINSTALLING -> "uninstall";
        default -> null;
      };
      if (step != null) {
        events.add("call " + step);
      }
    }
    events.add("call cleanup");
    return events;
  }

  @Test
  void install_listenerThrows_propagatesAndCleanupStillRuns() {
    InstallFixture fixture = new InstallFixture(temp);
    List<String> events = new ArrayList<>();
    FaultyInstaller installer = new FaultyInstaller(new ArchiveInstaller(), events);

    assertThatThrownBy(() -> Lifecycle.install(installer, fixture.context(NEW), state -> {
      if (state == INSTALLING) {
        throw new IllegalStateException("journal full");
      }
    })).hasMessage("journal full");

    assertThat(events).containsExactly("call detect", "call stage", "call cleanup");
  }

  @Test
  void install_stepThrowsWithoutMessage_messageNamesTheException() {
    Installer throwing = new FaultyInstaller(new ArchiveInstaller(), new ArrayList<>()).before("stage", () -> {
      throw new NullPointerException();
    });

    LifecycleResult result = Lifecycle.install(throwing, new InstallFixture(temp).context(NEW), s -> { });

    assertThat(result.finalState()).isEqualTo(FAILED);
    assertThat(result.message()).isEqualTo("stage failed: java.lang.NullPointerException");
  }

  @Test
  void install_success_logsEachStateAndStepForTheReport() {
    InstallFixture fixture = new InstallFixture(temp);

    LifecycleResult result = Lifecycle.install(new ArchiveInstaller(), fixture.context(NEW), s -> { });

    assertThat(result.succeeded()).isTrue();
    assertThat(fixture.log()).filteredOn(line -> line.startsWith("state ")).containsExactly("state DETECTING",
        "state STAGING", "state INSTALLING", "state VERIFYING", "state COMMITTING", "state SUCCEEDED");
    assertThat(fixture.log()).anyMatch(line -> line.startsWith("stage: staged versions/2.0.0 (tar.gz: extracted"));
  }

  @Test
  void result_succeeded_onlyForSuccessfulEndStates() {
    for (LifecycleState state : LifecycleState.values()) {
      boolean expected = state == SUCCEEDED || state == ALREADY_INSTALLED || state == UNINSTALLED;
      assertThat(new LifecycleResult(state, List.of(state), 0, "").succeeded()).as(state.name()).isEqualTo(expected);
    }
  }

  @Test
  void install_freshInstallOfADifferentPayload_usesParametersAndFormat() {
    InstallFixture fixture = new InstallFixture(temp);
    InstallContext context = fixture.context(NEW, fixture.payload(NEW), Map.of("format", "tar.gz"), 0);

    assertThat(Lifecycle.install(new ArchiveInstaller(), context, s -> { }).finalState()).isEqualTo(SUCCEEDED);
    assertThat(fixture.installedTree()).containsKey("only-2.0.0.txt");
  }

  private static void damage(Path file) {
    try {
      Files.writeString(file, "#!/bin/sh\necho tampered\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
