package dev.convoy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builder input validation: bad input is refused with a clear message and leaves no file behind. */
class ReleaseBuilderTest {
  private static final PublisherKeyPair KEY = PublisherKeys.generate();

  @TempDir
  Path tmp;

  @Test
  void build_symlinkEscapingTheDirectory_refusedAndNothingWritten() throws Exception {
    Path source = Files.createDirectory(tmp.resolve("source"));
    Files.createSymbolicLink(source.resolve("passwd"), Path.of("../../etc/passwd"));
    Path out = Files.createDirectory(tmp.resolve("out"));

    assertThatThrownBy(() -> builder(source).build(out.resolve("r.cvr"), KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("payload directory: target: symlink 'passwd' -> '../../etc/passwd' escapes the payload root"
            + " (expected: a target inside the payload)");
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void build_absoluteSymlink_refused() throws Exception {
    Path source = Files.createDirectory(tmp.resolve("source"));
    Files.createSymbolicLink(source.resolve("abs"), Path.of("/etc/passwd"));

    assertThatThrownBy(() -> builder(source).build(tmp.resolve("r.cvr"), KEY))
        .hasMessageContaining("'/etc/passwd' is absolute");
  }

  @Test
  void build_fifoInTheDirectory_refused() throws Exception {
    Path source = Files.createDirectory(tmp.resolve("source"));
    assumeTrue(new ProcessBuilder("mkfifo", source.resolve("pipe").toString()).start().waitFor() == 0);

    assertThatThrownBy(() -> builder(source).build(tmp.resolve("r.cvr"), KEY))
        .hasMessage("payload entry 'pipe': not a regular file, directory or symlink (expected: only those)");
  }

  @Test
  void build_emptyDirectory_refused() throws Exception {
    Path source = Files.createDirectory(tmp.resolve("source"));

    assertThatThrownBy(() -> builder(source).build(tmp.resolve("r.cvr"), KEY))
        .hasMessageEndingWith(": empty (expected: at least one entry)");
  }

  @Test
  void build_missingOrInvalidMetadata_refusedNamingTheField() throws Exception {
    Path source = Files.createDirectory(tmp.resolve("source"));
    Files.writeString(source.resolve("a"), "a");

    assertThatThrownBy(() -> ReleaseBuilder.fromDirectory(source).version("1.0.0").installer(InstallerSpec.of("x"))
        .build(tmp.resolve("r.cvr"), KEY)).hasMessage("name: missing (expected: a value)");
    assertThatThrownBy(() -> builder(source).name("Bad Name").build(tmp.resolve("r.cvr"), KEY))
        .hasMessageStartingWith("name: 'Bad Name' (expected: [a-z0-9]");
    assertThatThrownBy(() -> builder(source).version("latest")).hasMessageStartingWith("version: 'latest'");
    assertThatThrownBy(() -> builder(source).dependency("lib", "~1")).hasMessageStartingWith("version range: '~1'");
    assertThat(tmp.toFile().list()).containsExactly("source");
  }

  @Test
  void build_documentNotUtf8OrTooLarge_refused() throws Exception {
    Path source = Files.createDirectory(tmp.resolve("source"));
    Files.writeString(source.resolve("a"), "a");
    Path latin1 = Files.write(tmp.resolve("notes.md"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    Path huge = Files.write(tmp.resolve("huge.md"), new byte[ReleaseFormat.MAX_DOCUMENT_BYTES + 1]);

    assertThatThrownBy(() -> builder(source).releaseNotes(latin1).build(tmp.resolve("r.cvr"), KEY))
        .hasMessageContaining("not valid UTF-8 (expected: UTF-8 Markdown)");
    assertThatThrownBy(() -> builder(source).runbook(huge).build(tmp.resolve("r.cvr"), KEY))
        .hasMessageContaining("more than 1048576 bytes");
  }

  @Test
  void build_singleFile_namesThePayloadAfterItsExtensionUnlessOverridden() throws Exception {
    Path deb = Files.writeString(tmp.resolve("tool_1.0_amd64.deb"), "!<arch>\n");

    BuiltRelease byExtension = ReleaseBuilder.fromFile(deb).name("tool").version("1.0.0")
        .installer(InstallerSpec.of("deb")).build(tmp.resolve("a.cvr"), KEY);
    BuiltRelease named = ReleaseBuilder.fromFile(deb).name("tool").version("1.0.0").payloadName("tool.deb")
        .installer(InstallerSpec.of("deb")).build(tmp.resolve("b.cvr"), KEY);

    assertThat(byExtension.manifest().payload().name()).isEqualTo("payload.deb");
    assertThat(named.manifest().payload().name()).isEqualTo("tool.deb");
    assertThatThrownBy(() -> ReleaseBuilder.fromFile(tmp).name("tool").version("1.0.0")
        .installer(InstallerSpec.of("deb")).build(tmp.resolve("c.cvr"), KEY))
        .hasMessageContaining("not a regular file");
  }

  private static ReleaseBuilder builder(Path source) {
    return ReleaseBuilder.fromDirectory(source).name("app").version("1.0.0").installer(InstallerSpec.of("archive"));
  }
}
