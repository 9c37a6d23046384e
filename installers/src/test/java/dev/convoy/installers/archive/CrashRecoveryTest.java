package dev.convoy.installers.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Lifecycle;
import dev.convoy.installers.LifecycleResult;
import dev.convoy.installers.LifecycleState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A process killed (kill -9) at any point of an upgrade leaves files a fresh process can finish from: re-running the
 * whole lifecycle converges to the new version, and a rollback converges to the old one, byte-identical. Each crash
 * point is reproduced by running the real steps up to it and, inside a step, by leaving what that step had written.
 */
class CrashRecoveryTest {
  private static final String OLD = "1.0.0";
  private static final String NEW = "2.0.0";

  @TempDir
  Path temp;

  enum CrashPoint {
    DURING_EXTRACTION, AFTER_STAGE, STAGED_COPY_DAMAGED, AFTER_MARKER_BEFORE_SWITCH, TEMP_LINK_LEFT, AFTER_INSTALL,
    AFTER_VERIFY, AFTER_COMMIT_POINT, DURING_DISCARD_OF_PREVIOUS;

    boolean committed() {
      return this == AFTER_COMMIT_POINT || this == DURING_DISCARD_OF_PREVIOUS;
    }
  }

  @ParameterizedTest
  @EnumSource(CrashPoint.class)
  void rerunLifecycle_afterCrash_convergesToTheNewVersion(CrashPoint crash) throws IOException {
    InstallFixture fixture = new InstallFixture(temp);
    SortedMap<String, String> reference = referenceInstall(NEW);
    install(fixture, OLD);
    crashAt(crash, fixture);

    LifecycleResult result = Lifecycle.install(new ArchiveInstaller(), fixture.context(NEW), s -> { });

    assertThat(result.finalState()).isIn(LifecycleState.SUCCEEDED, LifecycleState.ALREADY_INSTALLED);
    assertThat(fixture.currentVersion()).isEqualTo(NEW);
    assertThat(fixture.installedTree()).isEqualTo(reference);
    assertThat(fixture.packageEntries()).containsExactly("current", "versions");
    assertThat(fixture.versions()).containsExactly(NEW);
  }

  @ParameterizedTest
  @EnumSource(CrashPoint.class)
  void rollbackByANewProcess_afterCrash_restoresTheOldVersionUnlessCommitted(CrashPoint crash) throws IOException {
    InstallFixture fixture = new InstallFixture(temp);
    install(fixture, OLD);
    SortedMap<String, String> before = fixture.installedTree();
    crashAt(crash, fixture);
    InstallContext context = fixture.context(NEW);
    ArchiveInstaller restarted = new ArchiveInstaller();

    assertThat(restarted.rollback(context).ok()).isTrue();
    restarted.cleanup(context);

    assertThat(fixture.packageEntries()).containsExactly("current", "versions");
    if (crash.committed()) {
      assertThat(fixture.currentVersion()).isEqualTo(NEW);
      assertThat(fixture.versions()).containsExactly(NEW);
    } else {
      assertThat(fixture.currentVersion()).isEqualTo(OLD);
      assertThat(fixture.installedTree()).isEqualTo(before);
      assertThat(fixture.versions()).containsExactly(OLD);
    }
  }

  private SortedMap<String, String> referenceInstall(String version) {
    InstallFixture clean = new InstallFixture(temp.resolve("reference"));
    install(clean, version);
    return clean.installedTree();
  }

  private static void install(InstallFixture fixture, String version) {
    assertThat(Lifecycle.install(new ArchiveInstaller(), fixture.context(version), s -> { }).finalState())
        .isEqualTo(LifecycleState.SUCCEEDED);
  }

  /** Leaves the files as a process killed at {@code crash} would have left them. */
  private static void crashAt(CrashPoint crash, InstallFixture fixture) throws IOException {
    ArchiveInstaller dying = new ArchiveInstaller();
    InstallContext context = fixture.context(NEW);
    Path dir = fixture.packageDir();
    switch (crash) {
      case DURING_EXTRACTION -> {
        Files.createDirectories(dir.resolve(".staging-2.0.0-0badc0ffee00/bin"));
        Files.writeString(dir.resolve(".staging-2.0.0-0badc0ffee00/bin/hello"), "#!/bin/sh\necho hel");
      }
      case AFTER_STAGE -> dying.stage(context);
      case STAGED_COPY_DAMAGED -> {
        dying.stage(context);
        Files.writeString(dir.resolve("versions/2.0.0/bin/hello"), "damaged");
        Files.writeString(dir.resolve("versions/2.0.0/extra"), "junk");
      }
      case AFTER_MARKER_BEFORE_SWITCH -> {
        dying.stage(context);
        new PendingInstall(OLD, NEW).write(dir.resolve(".previous"));
      }
      case TEMP_LINK_LEFT -> {
        dying.stage(context);
        new PendingInstall(OLD, NEW).write(dir.resolve(".previous"));
        Files.createSymbolicLink(dir.resolve(".current-0badc0ffee00"), Path.of("versions", NEW));
      }
      case AFTER_INSTALL -> runSteps(dying, context, 2);
      case AFTER_VERIFY -> runSteps(dying, context, 3);
      case AFTER_COMMIT_POINT -> {
        runSteps(dying, context, 3);
        Files.delete(dir.resolve(".previous")); // the commit point passed; the previous version is still there
      }
      case DURING_DISCARD_OF_PREVIOUS -> {
        runSteps(dying, context, 3);
        Files.delete(dir.resolve(".previous"));
        Files.move(dir.resolve("versions/1.0.0"), dir.resolve(".trash-0badc0ffee00"));
        Files.delete(dir.resolve(".trash-0badc0ffee00/bin/hello"));
      }
    }
  }

  private static void runSteps(ArchiveInstaller installer, InstallContext context, int count) {
    Stream.<Runnable>of(() -> installer.stage(context), () -> installer.install(context),
        () -> installer.verify(context)).limit(count).forEach(Runnable::run);
  }
}
