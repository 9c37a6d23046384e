package dev.convoy.cli.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.cli.testing.FakeAdminService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicTarGzTest {
  @TempDir
  Path dir;

  @BeforeEach
  void tree() throws IOException {
    write("bin/hello", "#!/bin/sh\necho hello\n", "rwxr-x---");
    write("etc/hello.conf", "greeting=hi\n", "rw-------");
    write("share/doc/README.md", "# hello\n", "rw-r--r--");
    write("a-file", "sorted before a/ by byte order\n", "rw-rw-r--");
    Files.createDirectories(dir.resolve("empty"));
    Files.createSymbolicLink(dir.resolve("bin/hi"), Path.of("hello"));
  }

  @Test
  void pack_sameTreeTwice_sameBytesAndSha256() throws IOException {
    byte[] first = pack(dir);
    Files.setLastModifiedTime(dir.resolve("bin/hello"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    byte[] second = pack(dir);

    assertThat(second).isEqualTo(first);
    assertThat(FakeAdminService.sha256(second)).isEqualTo(FakeAdminService.sha256(first));
  }

  @Test
  void pack_contentChange_changesBytes() throws IOException {
    byte[] before = pack(dir);
    write("etc/hello.conf", "greeting=ho\n", "rw-------");

    assertThat(pack(dir)).isNotEqualTo(before);
  }

  @Test
  void pack_entries_sortedWithFixedMetadataAndNormalisedModes() throws IOException {
    List<TarArchiveEntry> entries = entries(pack(dir));

    assertThat(entries).extracting(TarArchiveEntry::getName).containsExactly(
        "a-file", "bin/", "bin/hello", "bin/hi", "empty/", "etc/", "etc/hello.conf",
        "share/", "share/doc/", "share/doc/README.md");
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.getLastModifiedDate().toInstant()).isEqualTo(DeterministicTarGz.MTIME);
      assertThat(e.getLongUserId()).isZero();
      assertThat(e.getLongGroupId()).isZero();
      assertThat(e.getUserName()).isEqualTo("root");
      assertThat(e.getGroupName()).isEqualTo("root");
    });
    assertThat(mode(entries, "bin/hello")).isEqualTo(0755);
    assertThat(mode(entries, "etc/hello.conf")).isEqualTo(0644);
    assertThat(mode(entries, "a-file")).isEqualTo(0644);
    assertThat(mode(entries, "bin/")).isEqualTo(0755);
    TarArchiveEntry link = entries.stream().filter(e -> e.getName().equals("bin/hi")).findFirst().orElseThrow();
    assertThat(link.isSymbolicLink()).isTrue();
    assertThat(link.getLinkName()).isEqualTo("hello");
  }

  @Test
  void pack_fileContents_kept() throws IOException {
    try (TarArchiveInputStream tar = open(pack(dir))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.getName().equals("bin/hello")) {
          assertThat(new String(tar.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("#!/bin/sh\necho hello\n");
          return;
        }
      }
    }
    throw new AssertionError("bin/hello not in the archive");
  }

  @Test
  void pack_notADirectory_rejected() {
    assertThatThrownBy(() -> pack(dir.resolve("a-file")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected: a directory)");
  }

  private static int mode(List<TarArchiveEntry> entries, String name) {
    return entries.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getMode() & 07777;
  }

  private void write(String name, String content, String permissions) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
  }

  static byte[] pack(Path directory) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DeterministicTarGz.pack(directory, out);
    return out.toByteArray();
  }

  static List<TarArchiveEntry> entries(byte[] archive) throws IOException {
    List<TarArchiveEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream tar = open(archive)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static TarArchiveInputStream open(byte[] archive) throws IOException {
    return new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(archive)));
  }
}
