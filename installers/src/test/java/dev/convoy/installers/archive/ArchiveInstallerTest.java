package dev.convoy.installers.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Lifecycle;
import dev.convoy.installers.LifecycleResult;
import dev.convoy.installers.LifecycleState;
import dev.convoy.installers.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive backend's steps on real files: layout, detection, atomic switch, verify, commit, uninstall. */
class ArchiveInstallerTest {
  private static final String OLD = "1.0.0";
  private static final String NEW = "2.0.0";

  @TempDir
  Path temp;
  private InstallFixture fixture;
  private final ArchiveInstaller installer = new ArchiveInstaller();

  @BeforeEach
  void setUp() {
    fixture = new InstallFixture(temp);
  }

  private LifecycleResult install(String version) {
    return Lifecycle.install(new ArchiveInstaller(), fixture.context(version), state -> { });
  }

  @Test
  void install_fresh_createsTheDocumentedLayout() throws IOException {
    assertThat(install(OLD).finalState()).isEqualTo(LifecycleState.SUCCEEDED);

    assertThat(Files.readSymbolicLink(fixture.current())).isEqualTo(Path.of("versions", OLD));
    assertThat(fixture.packageEntries()).containsExactly("current", "versions");
    assertThat(fixture.versions()).containsExactly(OLD);
    SortedMap<String, String> tree = fixture.installedTree();
    assertThat(tree.get("bin")).isEqualTo("dir rwxr-xr-x");
    assertThat(tree.get("bin/hello")).startsWith("file rwxr-xr-x ");
    assertThat(tree.get("share/readme.txt")).startsWith("file rw-r--r-- ");
    assertThat(tree.get("share/latest")).isEqualTo("link -> readme.txt");
    assertThat(tree.get(FileManifest.NAME)).startsWith("file rw-r--r-- ");
    assertThat(fixture.current().resolve("share/latest")).hasContent("readme of 1.0.0");
  }

  @Test
  void detect_eachSituation_reportsIt() {
    assertThat(installer.detect(fixture.context(OLD))).isEqualTo(Detection.notInstalled());
    install(OLD);
    assertThat(installer.detect(fixture.context(OLD))).isEqualTo(Detection.same(OLD));
    assertThat(installer.detect(fixture.context(NEW))).isEqualTo(Detection.other(OLD));
  }

  @Test
  void detect_uncommittedInstall_reportsThePreviousVersion() {
    install(OLD);
    InstallContext context = fixture.context(NEW);
    installer.stage(context);
    installer.install(context);

    assertThat(installer.detect(context)).isEqualTo(Detection.other(OLD));
  }

  @Test
  void upgrade_commit_dropsThePreviousVersionAndTheMarker() {
    install(OLD);

    LifecycleResult result = install(NEW);

    assertThat(result.message()).isEqualTo("committed 2.0.0; removed previous version 1.0.0");
    assertThat(fixture.currentVersion()).isEqualTo(NEW);
    assertThat(fixture.packageEntries()).containsExactly("current", "versions");
    assertThat(fixture.versions()).containsExactly(NEW);
    assertThat(fixture.installedTree()).containsKey("only-2.0.0.txt").doesNotContainKey("only-1.0.0.txt");
  }

  @Test
  void install_keepsThePreviousVersionRestorableUntilCommit() throws IOException {
    install(OLD);
    InstallContext context = fixture.context(NEW);
    installer.stage(context);

    StepResult result = installer.install(context);

    assertThat(result.ok()).isTrue();
    assertThat(fixture.currentVersion()).isEqualTo(NEW);
    assertThat(fixture.versions()).containsExactly(OLD, NEW);
    assertThat(fixture.packageDir().resolve(".previous")).hasContent("previous=1.0.0\ntarget=2.0.0");
  }

  @Test
  void rollback_byANewProcessAfterInstall_restoresThePreviousVersionByteIdentical() {
    install(OLD);
    SortedMap<String, String> before = fixture.installedTree();
    InstallContext context = fixture.context(NEW);
    installer.stage(context);
    installer.install(context);

    StepResult result = new ArchiveInstaller().rollback(context); // nothing shared but the files

    assertThat(result.ok()).as(result.message()).isTrue();
    assertThat(fixture.currentVersion()).isEqualTo(OLD);
    assertThat(fixture.installedTree()).isEqualTo(before);
    assertThat(fixture.packageEntries()).containsExactly("current", "versions");
    assertThat(fixture.versions()).containsExactly(OLD);
  }

  @Test
  void verify_sameSizeTamperedFile_failsNamingTheFileAndHash() throws IOException {
    InstallContext context = fixture.context(OLD);
    installer.stage(context);
    installer.install(context);
    Path hello = fixture.packageDir().resolve("versions/1.0.0/bin/hello");
    byte[] bytes = Files.readAllBytes(hello);
    bytes[bytes.length - 2] ^= 1;
    Files.write(hello, bytes);

    StepResult result = installer.verify(context);

    assertThat(result.ok()).isFalse();
    assertThat(result.message()).startsWith("1 of 5 entries differ from what was extracted: bin/hello: sha256 ");
  }

  @Test
  void verify_missingFileAndRetargetedLink_failsListingBoth() throws IOException {
    InstallContext context = fixture.context(OLD);
    installer.stage(context);
    installer.install(context);
    Path version = fixture.packageDir().resolve("versions/1.0.0");
    Files.delete(version.resolve("only-1.0.0.txt"));
    Files.delete(version.resolve("share/latest"));
    Files.createSymbolicLink(version.resolve("share/latest"), Path.of("../bin/hello"));

    StepResult result = installer.verify(context);

    assertThat(result.message()).contains("2 of 5 entries differ", "only-1.0.0.txt: missing",
        "share/latest: symlink to '../bin/hello' (expected: 'readme.txt')");
  }

  @Test
  void verify_currentPointsElsewhere_fails() {
    install(OLD);
    InstallContext context = fixture.context(NEW);
    installer.stage(context);

    assertThat(installer.verify(context).message()).isEqualTo("current -> versions/1.0.0 (expected: versions/2.0.0)");
  }

  @Test
  void stage_versionDirectoryLeftByADeadAttempt_replaced() throws IOException {
    Path leftover = Files.createDirectories(fixture.packageDir().resolve("versions").resolve(NEW).resolve("junk"));
    Files.writeString(leftover.resolve("half-written"), "x");

    assertThat(install(NEW).finalState()).isEqualTo(LifecycleState.SUCCEEDED);

    assertThat(fixture.installedTree()).doesNotContainKey("junk").containsKey("only-2.0.0.txt");
  }

  @Test
  void stage_archiveLargerThanTheExpectedSize_refusedAndPreviousUntouched() {
    install(OLD);
    SortedMap<String, String> before = fixture.packageTree();
    InstallContext context = fixture.context(NEW, fixture.payload(NEW), Map.of(), 10);

    LifecycleResult result = Lifecycle.install(installer, context, state -> { });

    assertThat(result.chain()).containsExactly(LifecycleState.DETECTING, LifecycleState.STAGING, LifecycleState.FAILED);
    assertThat(result.message()).contains("unpacks to more than 10 bytes");
    assertThat(fixture.packageTree()).isEqualTo(before);
  }

  @Test
  void stage_firstInstallRefused_leavesTheManagedRootAsBefore() throws IOException {
    Path hostile = ArchiveBuilder.tarGz().file("../escape.txt", "x").write(temp.resolve("hostile.tar.gz"));

    LifecycleResult result = Lifecycle.install(installer, fixture.context(NEW, hostile, Map.of(), 0), s -> { });

    assertThat(result.finalState()).isEqualTo(LifecycleState.FAILED);
    assertThat(result.message()).contains("refused hostile.tar.gz: entry '../escape.txt': '..' component");
    assertThat(fixture.packageDir()).doesNotExist();
    assertThat(fixture.managedRoot().resolve("escape.txt")).doesNotExist();
  }

  @Test
  void stage_badParameter_failsNamingIt() {
    StepResult result = installer.stage(fixture.context(NEW, fixture.payload(NEW), Map.of("maxEntries", "-1"), 0));

    assertThat(result.message()).isEqualTo("parameter maxEntries: '-1' (expected: an integer >= 1)");
  }

  @Test
  void stage_explicitFormat_usedInsteadOfSniffing() throws IOException {
    Path zip = ArchiveBuilder.zip().executable("bin/hello", "hi").write(temp.resolve("hello.zip"));

    assertThat(Lifecycle.install(installer, fixture.context(NEW, zip, Map.of("format", "zip"), 0), s -> { })
        .finalState()).isEqualTo(LifecycleState.SUCCEEDED);
    assertThat(Files.getPosixFilePermissions(fixture.current().resolve("bin/hello")))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    StepResult wrongFormat = installer.stage(fixture.context("3.0.0", zip, Map.of("format", "tar.gz"), 0));
    assertThat(wrongFormat.message()).contains("truncated or corrupt");
  }

  @Test
  void uninstall_installedPackage_removesItAndIsRepeatable() {
    install(OLD);

    StepResult first = installer.uninstall(fixture.context(OLD));
    StepResult second = installer.uninstall(fixture.context(OLD));

    assertThat(first.message()).isEqualTo("removed hello (current version: 1.0.0)");
    assertThat(second.message()).isEqualTo("hello is not installed; nothing to remove");
    assertThat(fixture.packageDir()).doesNotExist();
    assertThat(fixture.managedRoot()).isEmptyDirectory();
  }

  @Test
  void cleanup_leftovers_removedButReferencedVersionsKept() throws IOException {
    install(OLD);
    Path dir = fixture.packageDir();
    Files.createDirectories(dir.resolve(".staging-2.0.0-dead/bin"));
    Files.createDirectories(dir.resolve(".trash-dead/x"));
    Files.createSymbolicLink(dir.resolve(".current-dead"), Path.of("versions/0.9.0"));
    Files.writeString(dir.resolve(".previous.tmp"), "previous=");
    Files.createDirectories(dir.resolve("versions/0.9.0/bin"));
    SortedMap<String, String> installed = fixture.installedTree();

    installer.cleanup(fixture.context(OLD));

    assertThat(fixture.packageEntries()).containsExactly("current", "versions");
    assertThat(fixture.versions()).containsExactly(OLD);
    assertThat(fixture.installedTree()).isEqualTo(installed);
    assertThat(fixture.log()).contains("cleanup: removed unreferenced version 0.9.0");
  }

  @Test
  void detect_currentIsNotASymlink_failsClearlyAndUninstallStillWorks() throws IOException {
    Files.createDirectories(fixture.packageDir());
    Files.writeString(fixture.current(), "not a link");

    LifecycleResult result = install(NEW);

    assertThat(result.chain()).containsExactly(LifecycleState.DETECTING, LifecycleState.FAILED);
    assertThat(result.message()).contains("current: not a symlink (expected: a symlink to versions/<version>)");
    assertThat(installer.uninstall(fixture.context(NEW)).ok()).isTrue();
    assertThat(fixture.packageDir()).doesNotExist();
  }

  @Test
  void install_previousVersionAgainAfterAnUncommittedUpgrade_restoresIt() {
    install(OLD);
    SortedMap<String, String> before = fixture.installedTree();
    InstallContext upgrade = fixture.context(NEW);
    installer.stage(upgrade);
    installer.install(upgrade); // the process dies here: 2.0.0 is live but not committed

    LifecycleResult result = install(OLD);

    assertThat(result.finalState()).isEqualTo(LifecycleState.SUCCEEDED);
    assertThat(fixture.currentVersion()).isEqualTo(OLD);
    assertThat(fixture.installedTree()).isEqualTo(before);
    assertThat(fixture.packageEntries()).containsExactly("current", "versions");
    assertThat(fixture.versions()).containsExactly(OLD);
  }

  @Test
  void stage_afterAnUncommittedInstall_rollsItBackBeforeStaging() {
    install(OLD);
    SortedMap<String, String> before = fixture.installedTree();
    InstallContext upgrade = fixture.context(NEW);
    installer.stage(upgrade);
    installer.install(upgrade); // the process dies here: 2.0.0 is live but not committed

    StepResult result = new ArchiveInstaller().stage(fixture.context("3.0.0"));

    assertThat(result.ok()).as(result.message()).isTrue();
    assertThat(fixture.log()).contains("rolled back the uncommitted install of 2.0.0: current -> versions/1.0.0 again;"
        + " removed versions/2.0.0");
    assertThat(fixture.currentVersion()).isEqualTo(OLD);
    assertThat(fixture.installedTree()).isEqualTo(before);
    assertThat(fixture.packageEntries()).containsExactly("current", "versions");
    assertThat(fixture.versions()).containsExactly(OLD, "3.0.0");
  }

  @Test
  void verify_executableBitRemoved_failsNamingTheMode() throws IOException {
    InstallContext context = fixture.context(OLD);
    installer.stage(context);
    installer.install(context);
    Files.setPosixFilePermissions(fixture.packageDir().resolve("versions/1.0.0/bin/hello"),
        PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(installer.verify(context).message()).endsWith("bin/hello: mode rw-r--r-- (expected: rwxr-xr-x)");
  }

  @Test
  void stage_missingPayload_failsNamingIt() {
    StepResult result = installer.stage(fixture.context(NEW, temp.resolve("nowhere.tar.gz"), Map.of(), 0));

    assertThat(result.message()).endsWith("nowhere.tar.gz (expected: the downloaded payload file)");
  }

  @Test
  void install_currentPointsAtADeletedVersion_reinstallsIt() throws IOException {
    install(OLD);
    SortedMap<String, String> before = fixture.installedTree();
    FileTrees.deleteRecursively(fixture.packageDir().resolve("versions").resolve(OLD));

    LifecycleResult result = install(OLD);

    assertThat(result.finalState()).isEqualTo(LifecycleState.SUCCEEDED);
    assertThat(fixture.installedTree()).isEqualTo(before);
  }
}
