package dev.convoy.cli.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.FakeAdminService;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.protocol.v1.PublishHeader;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @TempDir
  Path dir;

  @Test
  void publish_directory_streamsTheDeterministicPackWithItsHeader() throws IOException {
    Path tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve("bin"));
    Files.writeString(tree.resolve("bin/run"), "#!/bin/sh\n");
    byte[] expected = DeterministicTarGzTest.pack(tree);

    Result result = admin.run("package", "publish", tree.toString(), "--name", "hello", "--version", "1.0.0");

    assertThat(result.exitCode()).as(result.err()).isZero();
    FakeAdminService.Upload upload = admin.service().uploads.get(0);
    assertThat(upload.header()).isEqualTo(PublishHeader.newBuilder().setName("hello").setVersion("1.0.0")
        .setInstaller("archive").setArchiveFormat("tar.gz").setSha256(FakeAdminService.sha256(expected))
        .setLength(expected.length).build());
    assertThat(upload.bytes()).isEqualTo(expected);
    assertThat(result.out()).isEqualTo("Published hello@1.0.0\n  sha256  " + FakeAdminService.sha256(expected)
        + "\n  size    " + expected.length + " bytes\n  format  tar.gz\n");
  }

  @Test
  void publish_largeFile_allBytesInOneMebibyteChunks() throws IOException {
    byte[] payload = new byte[3 * ReleaseUploader.CHUNK_BYTES + 12_345];
    new Random(42).nextBytes(payload);
    Path file = dir.resolve("big.tar.gz");
    Files.write(file, payload);

    Result result = admin.run("package", "publish", file.toString(), "--name", "big", "--version", "2.0.0");

    assertThat(result.exitCode()).as(result.err()).isZero();
    FakeAdminService.Upload upload = admin.service().uploads.get(0);
    assertThat(upload.bytes()).isEqualTo(payload);
    assertThat(upload.dataMessages()).isEqualTo(4);
    assertThat(upload.header().getSha256()).isEqualTo(FakeAdminService.sha256(payload));
  }

  @Test
  void publish_zipWithoutSuffix_formatDetectedFromContent() throws IOException {
    Path file = dir.resolve("payload.bin");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write("hi".getBytes());
      zip.closeEntry();
    }

    Result result = admin.run("package", "publish", file.toString(), "--name", "z", "--version", "1", "-o", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.service().uploads.get(0).header().getArchiveFormat()).isEqualTo("zip");
    assertThat(result.out()).contains("\"archiveFormat\": \"zip\"").contains("\"name\": \"z\"");
  }

  @Test
  void publish_unknownFormat_usageErrorAndNothingSent() throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "plain text");

    Result result = admin.run("package", "publish", file.toString(), "--name", "n", "--version", "1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("cannot tell the archive format").contains("--format");
    assertThat(admin.service().uploads).isEmpty();
  }

  @Test
  void publish_directoryAsZip_usageError() {
    Result result = admin.run("package", "publish", dir.toString(), "--name", "n", "--version", "1", "--format", "zip");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--format zip: a directory is packed as tar.gz");
  }

  @Test
  void publish_missingPath_usageError() {
    Result result = admin.run("package", "publish", dir.resolve("nope").toString(), "--name", "n", "--version", "1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("does not exist");
  }

  @Test
  void publish_serverRefuses_errorWithStatusAndExit1() throws IOException {
    admin.service().publishFailure = Status.ALREADY_EXISTS.withDescription("hello@1.0.0 exists with other content");
    Path file = dir.resolve("p.tar.gz");
    Files.write(file, new byte[2 * ReleaseUploader.CHUNK_BYTES]);

    Result result = admin.run("package", "publish", file.toString(), "--name", "hello", "--version", "1.0.0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: ALREADY_EXISTS: hello@1.0.0 exists with other content\n");
    assertThat(admin.service().uploads).isEmpty();
  }
}
