package dev.convoy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build with {@link ReleaseBuilder}, read with {@link ReleaseReader}: the tree and the documents come back exact. */
class ReleaseRoundTripTest {
  private static final PublisherKeyPair KEY = PublisherKeys.generate();

  @TempDir
  Path tmp;

  @Test
  void read_directoryRelease_extractsByteIdenticalTreeWithModesAndDocuments() throws Exception {
    Path source = sampleTree(tmp.resolve("source"));
    Path docs = Files.createDirectory(tmp.resolve("docs"));
    BuiltRelease built = withDocuments(ReleaseBuilder.fromDirectory(source), docs)
        .name("office-suite").version("7.6.4").installer(new InstallerSpec("archive", Map.of("format", "tar.gz")))
        .detection(new DetectionRule.FileVersion("/opt/office/VERSION", "7.6.4"))
        .dependency("fonts", ">=2.0.0 <3.0.0").conflict("old-office", "*").supersedes("office-suite", "<7.6.4")
        .osRequirement("os.family", "debian").osRequirement("os.version", ">=12")
        .build(tmp.resolve("office-suite-7.6.4.cvr"), KEY);
    Path staging = tmp.resolve("staging");

    VerifiedRelease release = new ReleaseReader(TrustedKeys.of(KEY.publicKey())).read(built.file(), staging);

    assertThat(Trees.snapshot(staging)).isEqualTo(Trees.snapshot(source));
    assertThat(Trees.snapshot(staging)).containsEntry("bin", "dir 0755")
        .containsEntry("bin/start", "file 0755 " + Sha256.hex(Files.readAllBytes(source.resolve("bin/start"))))
        .containsEntry("lib/current", "symlink -> ../share/data.bin");
    assertThat(release.manifest()).isEqualTo(built.manifest());
    assertThat(release.signer()).isEqualTo(KEY.id());
    assertThat(release.fileSha256()).isEqualTo(built.fileSha256()).isEqualTo(Sha256.hex(Files.readAllBytes(
        built.file())));
    assertThat(release.fileLength()).isEqualTo(Files.size(built.file()));
    assertThat(release.manifestSha256()).isEqualTo(Sha256.hex(built.manifest().encode()));
    assertThat(release.payload()).contains(staging.toAbsolutePath());
    ReleaseDocuments documents = release.manifest().documents();
    assertThat(release.text(documents.releaseNotes().orElseThrow())).isEqualTo("# 7.6.4\n\nFaster. Ünïcode.\n");
    assertThat(release.text(documents.runbook().orElseThrow())).startsWith("# Runbook");
    assertThat(release.text(documents.kbArticles().get(0).document())).contains("exit code 3");
    assertThat(documents.kbArticles().get(0).covers().exitCodes()).containsExactly(3, 4);
    assertThat(documents.training().orElseThrow().document()).isPresent();
    assertThat(documents.files()).extracting(DocumentRef::name).containsExactly("kb-KB-17.md", "release-notes.md",
        "runbook.md", "training.md", "user-doc.md");
  }

  @Test
  void read_directoryWithLooseModes_normalisesTo0644And0755() throws Exception {
    Path source = Files.createDirectory(tmp.resolve("source"));
    Path privateDir = Files.createDirectory(source.resolve("private"));
    Files.writeString(privateDir.resolve("secret.txt"), "s");
    Files.writeString(source.resolve("run.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(privateDir.resolve("secret.txt"), PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(source.resolve("run.sh"), PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(privateDir, PosixFilePermissions.fromString("rwx------"));
    BuiltRelease built = ReleaseBuilder.fromDirectory(source).name("modes").version("1.0.0")
        .installer(InstallerSpec.of("archive")).build(tmp.resolve("modes.cvr"), KEY);

    new ReleaseReader(TrustedKeys.of(KEY.publicKey())).read(built.file(), tmp.resolve("staging"));

    assertThat(Trees.snapshot(tmp.resolve("staging"))).containsEntry("private", "dir 0755")
        .containsEntry("private/secret.txt", "file 0644 " + Sha256.hex("s".getBytes()))
        .containsEntry("run.sh", "file 0755 " + Sha256.hex("#!/bin/sh\n".getBytes()));
    assertThat(built.manifest().payload().entries()).extracting(PayloadEntry::mode)
        .containsExactly(0755, 0644, 0755);
  }

  @Test
  void read_singleFileRelease_copiesTheFileExactly() throws Exception {
    byte[] deb = new byte[300_000];
    new Random(11).nextBytes(deb);
    Path source = tmp.resolve("hello_1.0-1_all.deb");
    Files.write(source, deb);
    BuiltRelease built = ReleaseBuilder.fromFile(source).name("hello").version("1.0.1")
        .installer(InstallerSpec.of("deb")).detection(new DetectionRule.DpkgPackage("hello", "1.0-1"))
        .build(tmp.resolve("hello.cvr"), KEY);
    Path output = tmp.resolve("payload.deb");

    VerifiedRelease release = new ReleaseReader(TrustedKeys.of(KEY.publicKey())).read(built.file(), output);

    assertThat(output).hasBinaryContent(deb);
    assertThat(Trees.snapshot(tmp)).containsEntry("payload.deb", "file 0644 " + Sha256.hex(deb));
    assertThat(release.manifest().payload()).satisfies(p -> {
      assertThat(p.name()).isEqualTo("payload.deb");
      assertThat(p.format()).isEqualTo(PayloadFormat.FILE);
      assertThat(p.entries()).isEmpty();
      assertThat(p.sha256()).isEqualTo(Sha256.hex(deb));
    });
    assertThat(release.manifest().unpackedSize()).isEqualTo(deb.length);
    assertThat(release.documents()).isEmpty();
  }

  @Test
  void read_fromAStreamReturningFewBytesPerRead_givesTheSameResult() throws Exception {
    Path source = sampleTree(tmp.resolve("source"));
    BuiltRelease built = ReleaseBuilder.fromDirectory(source).name("chunky").version("2.0.0")
        .installer(InstallerSpec.of("archive")).build(tmp.resolve("chunky.cvr"), KEY);
    byte[] bytes = Files.readAllBytes(built.file());

    VerifiedRelease release;
    try (InputStream in = dribble(new ByteArrayInputStream(bytes))) {
      release = new ReleaseReader(TrustedKeys.of(KEY.publicKey())).read(in, tmp.resolve("staging"),
          ManifestGate.ACCEPT_ALL);
    }

    assertThat(Trees.snapshot(tmp.resolve("staging"))).isEqualTo(Trees.snapshot(source));
    assertThat(release.fileSha256()).isEqualTo(built.fileSha256());
  }

  @Test
  void build_sameInputsTwice_givesIdenticalBytes() throws Exception {
    Path source = sampleTree(tmp.resolve("source"));
    Path docs = Files.createDirectory(tmp.resolve("docs"));
    BuiltRelease first = withDocuments(ReleaseBuilder.fromDirectory(source), docs).name("same").version("1.0.0")
        .installer(InstallerSpec.of("archive")).build(tmp.resolve("first.cvr"), KEY);
    Files.setLastModifiedTime(source.resolve("bin/start"), java.nio.file.attribute.FileTime.fromMillis(12345));

    BuiltRelease second = withDocuments(ReleaseBuilder.fromDirectory(source), docs).name("same").version("1.0.0")
        .installer(InstallerSpec.of("archive")).build(tmp.resolve("second.cvr"), KEY);

    assertThat(second.file()).hasSameBinaryContentAs(first.file());
    assertThat(second.fileSha256()).isEqualTo(first.fileSha256());
  }

  @Test
  void inspect_builtRelease_verifiesWithoutWriting() throws Exception {
    Path source = sampleTree(tmp.resolve("source"));
    BuiltRelease built = ReleaseBuilder.fromDirectory(source).name("inspected").version("3.1.0")
        .installer(InstallerSpec.of("archive")).build(tmp.resolve("inspected.cvr"), KEY);
    Map<String, String> before = Trees.snapshot(tmp);

    VerifiedRelease release = ReleaseReader.inspect(built.file(), TrustedKeys.of(KEY.publicKey()));

    assertThat(release.manifest()).isEqualTo(built.manifest());
    assertThat(release.payload()).isEmpty();
    assertThat(release.fileSha256()).isEqualTo(built.fileSha256());
    assertThat(Trees.snapshot(tmp)).isEqualTo(before);
  }

  /** Nested and empty directories, binary, empty and executable files, a symlink, long and non-ASCII names. */
  static Path sampleTree(Path root) throws IOException {
    Files.createDirectories(root.resolve("bin"));
    Files.createDirectories(root.resolve("lib"));
    Files.createDirectories(root.resolve("share/empty-dir"));
    Files.writeString(root.resolve("bin/start"), "#!/bin/sh\nexec office \"$@\"\n");
    Files.setPosixFilePermissions(root.resolve("bin/start"), PosixFilePermissions.fromString("rwxr-xr-x"));
    byte[] data = new byte[150_000];
    new Random(5).nextBytes(data);
    Files.write(root.resolve("share/data.bin"), data);
    Files.write(root.resolve("share/empty.txt"), new byte[0]);
    Files.writeString(root.resolve("share/r\u00e9sum\u00e9-\u65e5\u672c.txt"), "non-ASCII name\n");
    Path deep = root.resolve("share/" + "a-rather-long-directory-name-".repeat(3) + "/" + "x".repeat(120));
    Files.createDirectories(deep.getParent());
    Files.writeString(deep, "long path\n");
    Files.createSymbolicLink(root.resolve("lib/current"), Path.of("../share/data.bin"));
    return root;
  }

  private static ReleaseBuilder withDocuments(ReleaseBuilder builder, Path docs) throws IOException {
    Path notes = Files.writeString(docs.resolve("notes.md"), "# 7.6.4\n\nFaster. Ünïcode.\n");
    Path runbook = Files.writeString(docs.resolve("runbook.md"), "# Runbook\n\n1. Close the suite.\n");
    Path kb = Files.writeString(docs.resolve("kb.md"), "# Install fails with exit code 3\n\nFree disk space.\n");
    Path user = Files.writeString(docs.resolve("user.md"), "# What's new\n");
    Path training = Files.writeString(docs.resolve("training.md"), "# Ten minutes on the new ribbon\n");
    return builder.releaseNotes(notes).runbook(runbook).userDoc(user)
        .kbArticle("KB-17", "Install fails: disk full", new KbArticle.Coverage(List.of("INSTALLING"), List.of(3, 4)),
            kb)
        .trainingDocument("The new ribbon", "all office users", training);
  }

  /** Hands out 1 to 7 bytes per read, to exercise every partial-read path. */
  private static InputStream dribble(InputStream in) {
    return new FilterInputStream(in) {
      private final Random random = new Random(1);

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
      }
    };
  }
}
