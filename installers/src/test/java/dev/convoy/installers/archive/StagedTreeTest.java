package dev.convoy.installers.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Lifecycle;
import dev.convoy.installers.LifecycleResult;
import dev.convoy.installers.LifecycleState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payload the caller already extracted and verified (a directory instead of an archive file): the archive
 * backend moves it into place instead of unpacking, ends with the same tree as from the archive, and still
 * refuses what it would never make live.
 */
class StagedTreeTest {
  private static final String VERSION = "1.0.0";

  @TempDir
  Path temp;
  private InstallFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new InstallFixture(temp.resolve("a"));
  }

  /** The fixture's archive payload extracted to a directory, as the agent's release reader leaves it. */
  private Path extracted(String version) {
    Path dir = temp.resolve("staged-" + version);
    ExtractionResult result = new SafeExtractor(ExtractionLimits.defaults())
        .extract(fixture.payload(version), null, dir);
    assertThat(result.ok()).as(result.message()).isTrue();
    return dir;
  }

  private LifecycleResult install(InstallContext context) {
    return Lifecycle.install(new ArchiveInstaller(), context, state -> { });
  }

  @Test
  void install_directoryPayload_movesItAndEndsLikeTheArchive() {
    Path payload = extracted(VERSION);
    InstallFixture fromArchive = new InstallFixture(temp.resolve("b"));
    assertThat(install(fromArchive.context(VERSION)).finalState()).isEqualTo(LifecycleState.SUCCEEDED);

    LifecycleResult result = install(fixture.context(VERSION, payload, Map.of(), 0));

    assertThat(result.finalState()).as(result.message()).isEqualTo(LifecycleState.SUCCEEDED);
    assertThat(result.chain()).containsExactly(LifecycleState.DETECTING, LifecycleState.STAGING,
        LifecycleState.INSTALLING, LifecycleState.VERIFYING, LifecycleState.COMMITTING, LifecycleState.SUCCEEDED);
    assertThat(payload).doesNotExist(); // moved, not copied
    assertThat(withoutManifest(fixture.installedTree())).isEqualTo(withoutManifest(fromArchive.installedTree()));
    assertThat(fixture.log()).anyMatch(line -> line.contains("adopted the verified payload directory (renamed)"));
    assertThat(fixture.packageEntries()).containsExactly("current", "versions");
  }

  @Test
  void verify_fileChangedAfterDirectoryStage_failsNamingIt() throws IOException {
    ArchiveInstaller installer = new ArchiveInstaller();
    InstallContext context = fixture.context(VERSION, extracted(VERSION), Map.of(), 0);
    assertThat(installer.stage(context).ok()).isTrue();
    assertThat(installer.install(context).ok()).isTrue();
    Files.writeString(fixture.current().resolve("share/readme.txt"), "changed");

    assertThat(installer.verify(context).message()).contains("share/readme.txt");
  }

  @Test
  void stage_directoryOnAnotherFileSystem_copiesItAndRemovesTheSource() throws IOException {
    Path shm = Path.of("/dev/shm");
    assumeThat(Files.isDirectory(shm) && Files.isWritable(shm)).isTrue();
    Path source = Files.createTempDirectory(shm, "convoy-staged-");
    try {
      assumeThat(Files.getFileStore(source)).isNotEqualTo(Files.getFileStore(temp));
      Files.delete(source);
      copyTree(extracted(VERSION), source);

      LifecycleResult result = install(fixture.context(VERSION, source, Map.of(), 0));

      assertThat(result.finalState()).as(result.message()).isEqualTo(LifecycleState.SUCCEEDED);
      assertThat(source).doesNotExist();
      assertThat(fixture.current().resolve("share/latest")).hasContent("readme of 1.0.0");
      assertThat(fixture.log()).anyMatch(line -> line.contains("copied from another file system"));
    } finally {
      FileTrees.deleteRecursively(source);
    }
  }

  @Test
  void adopt_modes_normalisedLikeTheExtractor() throws IOException {
    Path source = tree(dir -> write(dir.resolve("tool"), "x", "rwx------"));
    Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rwx------"));

    ExtractionResult result = StagedTree.adopt(source, temp.resolve("root"), Set.of());

    assertThat(result.ok()).isTrue();
    assertThat(result.files()).containsExactly(FileRecord.file("tool", 1,
        "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881", true));
    assertThat(Files.getPosixFilePermissions(temp.resolve("root/tool"))).isEqualTo(FileTrees.EXECUTABLE_MODE);
    assertThat(Files.getPosixFilePermissions(temp.resolve("root"))).isEqualTo(FileTrees.DIRECTORY_MODE);
  }

  @Test
  void adopt_escapingSymlink_refusedAndRootRemoved() {
    assertRefused(tree(dir -> link(dir.resolve("out"), "../../etc/passwd")), "escapes the extraction root");
  }

  @Test
  void adopt_absoluteSymlink_refused() {
    assertRefused(tree(dir -> link(dir.resolve("abs"), "/etc/passwd")), "absolute target");
  }

  @Test
  void adopt_symlinkThroughSymlink_refused() {
    assertRefused(tree(dir -> {
      link(dir.resolve("a"), ".");
      link(dir.resolve("b"), "a/a/../..");
    }), "passes through symlink 'a'");
  }

  @Test
  void adopt_reservedName_refused() {
    assertRefused(tree(dir -> write(dir.resolve(FileManifest.NAME), "forged", "rw-r--r--")), "reserved name");
  }

  @Test
  void adopt_fifo_refused() throws Exception {
    Path source = tree(dir -> write(dir.resolve("ok"), "x", "rw-r--r--"));
    Process mkfifo = new ProcessBuilder("mkfifo", source.resolve("pipe").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    assertRefused(source, "special file");
  }

  @Test
  void adopt_emptyDirectory_refused() {
    assertRefused(tree(dir -> { }), "no entries");
  }

  private void assertRefused(Path source, String reason) {
    Path root = temp.resolve("root");

    ExtractionResult result = StagedTree.adopt(source, root, Set.of(FileManifest.NAME));

    assertThat(result.ok()).isFalse();
    assertThat(result.message()).contains(reason);
    assertThat(root).doesNotExist();
    assertThat(result.files()).isEmpty();
  }

  private static SortedMap<String, String> withoutManifest(SortedMap<String, String> tree) {
    tree.remove(FileManifest.NAME);
    return tree;
  }

  private Path tree(Consumer<Path> fill) {
    Path dir = temp.resolve("source");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    fill.accept(dir);
    return dir;
  }

  private static void write(Path file, String content, String mode) {
    try {
      Files.writeString(file, content);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void link(Path link, String target) {
    try {
      Files.createSymbolicLink(link, Path.of(target));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
