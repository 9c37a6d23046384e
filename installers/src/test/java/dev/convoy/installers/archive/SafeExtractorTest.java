package dev.convoy.installers.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Well-formed archives extract completely, with normalised permissions and an exact record of what was written. */
class SafeExtractorTest {
  private static final String DIR = "dir rwxr-xr-x";

  @TempDir
  Path temp;

  @ParameterizedTest
  @EnumSource(ArchiveFormat.class)
  void extract_regularArchive_writesEverythingWithNormalisedModes(ArchiveFormat format) {
    Path archive = ArchiveBuilder.of(format).dir("bin/")
        .file("bin/tool", "run".getBytes(StandardCharsets.UTF_8), 0700)
        .file("etc/secret.conf", "x=1".getBytes(StandardCharsets.UTF_8), 0600)
        .file("share/doc/readme.txt", "hello".getBytes(StandardCharsets.UTF_8), 0666)
        .symlink("share/doc/latest", "readme.txt")
        .symlink("tool", "bin/tool")
        .symlink("etc/tool", "../bin/tool")
        .write(temp.resolve("a"));
    Path root = temp.resolve("root");

    ExtractionResult result = new SafeExtractor(ExtractionLimits.defaults()).extract(archive, null, root);

    assertThat(result.ok()).as(result.message()).isTrue();
    assertThat(result.bytesWritten()).isEqualTo(3 + 3 + 5);
    assertThat(result.entries()).isEqualTo(7);
    SortedMap<String, String> tree = TreeSnapshot.of(root);
    assertThat(tree).containsOnly(
        entry("", DIR), entry("bin", DIR), entry("etc", DIR), entry("share", DIR), entry("share/doc", DIR),
        entry("bin/tool", "file rwxr-xr-x 3 " + sha256("run")),
        entry("etc/secret.conf", "file rw-r--r-- 3 " + sha256("x=1")),
        entry("share/doc/readme.txt", "file rw-r--r-- 5 " + sha256("hello")),
        entry("share/doc/latest", "link -> readme.txt"),
        entry("tool", "link -> bin/tool"),
        entry("etc/tool", "link -> ../bin/tool"));
    assertThat(result.files()).containsExactly(
        FileRecord.directory("bin"),
        FileRecord.file("bin/tool", 3, sha256("run"), true),
        FileRecord.file("etc/secret.conf", 3, sha256("x=1"), false),
        FileRecord.file("share/doc/readme.txt", 5, sha256("hello"), false),
        FileRecord.symlink("share/doc/latest", "readme.txt"),
        FileRecord.symlink("tool", "bin/tool"),
        FileRecord.symlink("etc/tool", "../bin/tool"));
  }

  @Test
  void extract_dotSlashRootAndLinkChainsInside_accepted() {
    Path archive = ArchiveBuilder.tarGz().dir("./").dir("./d/").file("./d/f", "x")
        .symlink("a", "b").symlink("b", "d").symlink("d/self", ".").write(temp.resolve("a"));

    ExtractionResult result = new SafeExtractor(ExtractionLimits.defaults()).extract(archive, null, temp.resolve("r"));

    assertThat(result.ok()).as(result.message()).isTrue();
    assertThat(temp.resolve("r/a/f")).hasContent("x");
  }

  @Test
  void extract_zip64Archive_extracts() throws IOException {
    Path archive = temp.resolve("z64.zip");
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
      zip.setUseZip64(Zip64Mode.Always);
      for (String name : new String[] {"a.txt", "dir/b.txt"}) {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(name.getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
      }
    }

    ExtractionResult result = new SafeExtractor(ExtractionLimits.defaults()).extract(archive, null, temp.resolve("r"));

    assertThat(result.ok()).as(result.message()).isTrue();
    assertThat(temp.resolve("r/dir/b.txt")).hasContent("dir/b.txt");
  }

  @Test
  void extract_zip64EndRecordCarriesTheValues_extracts() throws IOException {
    Path archive = temp.resolve("z64.zip");
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
      zip.setUseZip64(Zip64Mode.Always);
      zip.putArchiveEntry(new ZipArchiveEntry("a.txt"));
      zip.write('a');
      zip.closeArchiveEntry();
    }
    byte[] bytes = Files.readAllBytes(archive);
    ByteBuffer end = ByteBuffer.wrap(bytes, bytes.length - 22, 22).slice().order(ByteOrder.LITTLE_ENDIAN);
    end.putShort(8, (short) 0xffff).putShort(10, (short) 0xffff).putInt(12, -1).putInt(16, -1);
    Files.write(archive, bytes); // as a writer must when the values do not fit: readers use the ZIP64 record

    ExtractionResult result = new SafeExtractor(ExtractionLimits.defaults()).extract(archive, null, temp.resolve("r"));

    assertThat(result.ok()).as(result.message()).isTrue();
    assertThat(temp.resolve("r/a.txt")).hasContent("a");
  }

  @Test
  void extract_highlyCompressibleButWithinTheGrace_accepted() {
    Path archive = ArchiveBuilder.tarGz().zeros("spaces", 1L << 20).write(temp.resolve("a"));

    ExtractionResult result = new SafeExtractor(ExtractionLimits.defaults()).extract(archive, null, temp.resolve("r"));

    assertThat(result.ok()).as(result.message()).isTrue();
  }

  @Test
  void extract_exactlyAtTheByteCap_accepted() {
    Path archive = ArchiveBuilder.zip().file("a", "12345").file("b", "67890").write(temp.resolve("a"));

    ExtractionResult result = new SafeExtractor(new ExtractionLimits(10, 10, 200, 0))
        .extract(archive, null, temp.resolve("r"));

    assertThat(result.ok()).as(result.message()).isTrue();
    assertThat(result.bytesWritten()).isEqualTo(10);
  }

  @Test
  void extract_oneByteOverTheCap_refused() {
    Path archive = ArchiveBuilder.zip().file("a", "12345").file("b", "678901").write(temp.resolve("a"));

    ExtractionResult result = new SafeExtractor(new ExtractionLimits(10, 10, 200, 0))
        .extract(archive, null, temp.resolve("r"));

    assertThat(result.ok()).isFalse();
    assertThat(result.bytesWritten()).isEqualTo(5);
  }

  @Test
  void extract_rootExists_throws() throws IOException {
    Path root = Files.createDirectory(temp.resolve("r"));
    Path archive = ArchiveBuilder.zip().file("a", "x").write(temp.resolve("a"));

    assertThatThrownBy(() -> new SafeExtractor(ExtractionLimits.defaults()).extract(archive, null, root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(expected: a path that does not exist yet)");
    assertThat(root).exists();
  }

  @Test
  void extract_interruptedThread_refusedAndFlagKept() {
    Path archive = ArchiveBuilder.tarGz().file("a", "x").write(temp.resolve("a"));
    Thread.currentThread().interrupt();
    try {
      ExtractionResult result = new SafeExtractor(ExtractionLimits.defaults())
          .extract(archive, null, temp.resolve("r"));

      assertThat(result.message()).isEqualTo("extraction interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(temp.resolve("r")).doesNotExist();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void sniff_eachFormat_recognised() throws IOException {
    for (ArchiveFormat format : ArchiveFormat.values()) {
      Path archive = ArchiveBuilder.of(format).file("a", "x").write(temp.resolve("a." + format));
      assertThat(ArchiveFormat.sniff(archive)).contains(format);
    }
    assertThat(ArchiveFormat.sniff(Files.writeString(temp.resolve("t"), "plain text"))).isEmpty();
  }

  @Test
  void fromParameter_knownAndUnknown() {
    assertThat(Map.of("tar.gz", ArchiveFormat.TAR_GZ, "TGZ", ArchiveFormat.TAR_GZ, "zip", ArchiveFormat.ZIP,
        "tar", ArchiveFormat.TAR)).allSatisfy((name, format) ->
            assertThat(ArchiveFormat.fromParameter(name)).isEqualTo(format));
    assertThatThrownBy(() -> ArchiveFormat.fromParameter("rar"))
        .hasMessage("parameter format: 'rar' (expected: tar.gz, tgz, tar or zip)");
  }

  private static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
