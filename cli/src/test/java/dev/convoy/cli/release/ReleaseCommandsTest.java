package dev.convoy.cli.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.FakeAdminService;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.protocol.v1.AddPublisherKeyRequest;
import dev.convoy.protocol.v1.PublishHeader;
import dev.convoy.release.KbArticle;
import dev.convoy.release.PayloadFormat;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.ReleaseDocuments;
import dev.convoy.release.ReleaseReader;
import dev.convoy.release.TrustedKeys;
import dev.convoy.release.VerifiedRelease;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCommandsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @TempDir
  Path dir;

  private PublisherKeyPair key;
  private Path keyFile;
  private Path tree;

  @BeforeEach
  void keyAndTree() throws IOException {
    admin.workingDirectory = dir;
    key = PublisherKeys.generate();
    keyFile = dir.resolve("publisher.key");
    PublisherKeys.savePrivateKey(key, keyFile);
    tree = Files.createDirectories(dir.resolve("tree/bin"));
    Files.writeString(tree.resolve("hello"), "#!/bin/sh\necho hello\n");
    tree = dir.resolve("tree");
    for (String doc : List.of("notes", "user", "runbook", "kb17", "kb18", "training")) {
      Files.writeString(dir.resolve(doc + ".md"), "# " + doc + "\n");
    }
  }

  private void trust() {
    admin.service().publishers.add(AddPublisherKeyRequest.newBuilder().setName("test")
        .setPublicKeyPem(PublisherKeys.publicKeyPem(key.publicKey())).build());
  }

  private static List<String> args(String... values) {
    return new ArrayList<>(List.of(values));
  }

  private List<String> buildArgs(String source, String out) {
    return args("release", "build", source, "--name", "hello", "--version", "1.2.0", "--installer", "archive",
        "--key", keyFile.toString(), "--out", out);
  }

  private Result run(List<String> args) {
    return admin.run(args.toArray(String[]::new));
  }

  @Test
  void build_everyDocumentAndParameter_fileTheReaderAcceptsWithThem() throws IOException {
    List<String> args = buildArgs("tree", "out/hello.cvr");
    args.addAll(List.of("--param", "maxEntries=10", "--param", "format=tar.gz",
        "--release-notes", "notes.md", "--user-doc", "user.md", "--runbook", "runbook.md",
        "--kb", "KB-17", "--kb-title", "Disk full: install fails", "--kb-file", "kb17.md", "--kb-exit-codes", "28,3",
        "--kb", "KB-18", "--kb-title", "Proxy", "--kb-file", "kb18.md", "--kb-states", "DOWNLOADING,INSTALLING",
        "--training-title", "The new ribbon", "--training-audience", "all office users",
        "--training-link", "https://learn.example.com/ribbon", "--downgrade"));

    Result result = run(args);

    assertThat(result.exitCode()).as(result.err()).isZero();
    Path file = dir.resolve("out/hello.cvr");
    VerifiedRelease verified = ReleaseReader.inspect(file, TrustedKeys.of(key.publicKey()));
    assertThat(verified.manifest().ref()).isEqualTo("hello@1.2.0");
    assertThat(verified.manifest().installer().type()).isEqualTo("archive");
    assertThat(verified.manifest().installer().parameters())
        .isEqualTo(Map.of("maxEntries", "10", "format", "tar.gz"));
    assertThat(verified.manifest().payload().format()).isEqualTo(PayloadFormat.TAR_GZ);
    assertThat(verified.manifest().downgrade()).isTrue();
    ReleaseDocuments docs = verified.manifest().documents();
    assertThat(verified.text(docs.releaseNotes().orElseThrow())).isEqualTo("# notes\n");
    assertThat(verified.text(docs.userDoc().orElseThrow())).isEqualTo("# user\n");
    assertThat(verified.text(docs.runbook().orElseThrow())).isEqualTo("# runbook\n");
    assertThat(docs.kbArticles()).extracting(KbArticle::id, KbArticle::title, KbArticle::covers).containsExactly(
        org.assertj.core.groups.Tuple.tuple("KB-17", "Disk full: install fails",
            new KbArticle.Coverage(List.of(), List.of(28, 3))),
        org.assertj.core.groups.Tuple.tuple("KB-18", "Proxy",
            new KbArticle.Coverage(List.of("DOWNLOADING", "INSTALLING"), List.of())));
    assertThat(verified.text(docs.kbArticles().get(1).document())).isEqualTo("# kb18\n");
    assertThat(docs.training().orElseThrow().link()).contains("https://learn.example.com/ribbon");
    assertThat(result.out()).isEqualTo("Built hello@1.2.0\n"
        + "  key id  " + key.id().hex() + "\n"
        + "  file    " + file + "\n"
        + "  sha256  " + FakeAdminService.sha256(Files.readAllBytes(file)) + "\n"
        + "  size    " + Files.size(file) + " bytes\n");
    assertThat(admin.connections).as("build works offline").isEmpty();
  }

  @Test
  void build_relations_signedInManifestAndShown() throws IOException {
    List<String> args = buildArgs("tree", "r.cvr");
    args.addAll(List.of("--depends", "fonts:>=2.0.0 <3.0.0", "--depends", "icons:*", "--conflicts", "oldviewer:<2.0.0",
        "--supersedes", "hello-lite:<5.0.0", "--os", "os.family=debian", "--os", "os.version=>=12"));

    Result result = run(args);

    assertThat(result.exitCode()).as(result.err()).isZero();
    VerifiedRelease verified = ReleaseReader.inspect(dir.resolve("r.cvr"), TrustedKeys.of(key.publicKey()));
    assertThat(verified.manifest().dependencies()).containsExactly(
        dev.convoy.release.PackageConstraint.of("fonts", ">=2.0.0 <3.0.0"),
        dev.convoy.release.PackageConstraint.of("icons", "*"));
    assertThat(verified.manifest().conflicts()).containsExactly(
        dev.convoy.release.PackageConstraint.of("oldviewer", "<2.0.0"));
    assertThat(verified.manifest().supersedes()).containsExactly(
        dev.convoy.release.PackageConstraint.of("hello-lite", "<5.0.0"));
    assertThat(verified.manifest().osRequirements()).isEqualTo(Map.of("os.family", "debian", "os.version", ">=12"));
    assertThat(result.out()).contains("  depends     fonts >=2.0.0 <3.0.0, icons *\n")
        .contains("  conflicts   oldviewer <2.0.0\n").contains("  supersedes  hello-lite <5.0.0\n")
        .contains("  os          os.family=debian, os.version=>=12\n");
  }

  @Test
  void build_malformedRelations_usageErrorNamingTheOption() {
    for (List<String> bad : List.of(List.of("--depends", "fonts"), List.of("--conflicts", "x:>=two"),
        List.of("--os", "os.version=>= 12"))) {
      List<String> args = buildArgs("tree", "r.cvr");
      args.addAll(bad);

      Result result = run(args);

      assertThat(result.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).as(bad.toString()).contains("error: " + bad.get(0) + ": ");
      assertThat(dir.resolve("r.cvr")).doesNotExist();
    }
  }

  @Test
  void list_publishedReleaseWithRelations_tableAndCsv() {
    trust();
    List<String> publish = args("release", "publish", "tree", "--name", "hello", "--version", "1.2.0",
        "--installer", "archive", "--key", keyFile.toString(), "--depends", "fonts:>=2.0.0 <3.0.0",
        "--os", "os.family=debian");
    Result published = run(publish);
    assertThat(published.exitCode()).as(published.err()).isZero();
    assertThat(published.out()).containsPattern("\n  depends +fonts >=2.0.0 <3.0.0\n")
        .containsPattern("\n  os +os.family=debian\n");

    Result table = run(args("release", "list"));
    Result csv = run(args("release", "list", "hello", "--output", "csv"));

    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("RELEASE").contains("DEPENDS").contains("hello@1.2.0")
        .contains("fonts >=2.0.0 <3.0.0").contains("os.family=debian");
    assertThat(csv.out()).contains(",convoy-release,").contains(",fonts >=2.0.0 <3.0.0,,,os.family=debian");
  }

  @Test
  void build_trainingFile_shippedAsDocument() throws IOException {
    List<String> args = buildArgs("tree", "r.cvr");
    args.addAll(List.of("--training-title", "Course", "--training-audience", "admins", "--training-file",
        "training.md"));

    assertThat(run(args).exitCode()).isZero();

    VerifiedRelease verified = ReleaseReader.inspect(dir.resolve("r.cvr"), TrustedKeys.of(key.publicKey()));
    assertThat(verified.text(verified.manifest().documents().training().orElseThrow().document().orElseThrow()))
        .isEqualTo("# training\n");
  }

  @Test
  void build_trainingLinkAndFile_usageError() {
    List<String> args = buildArgs("tree", "r.cvr");
    args.addAll(List.of("--training-title", "C", "--training-audience", "a", "--training-file", "training.md",
        "--training-link", "https://x.example"));

    Result result = run(args);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("error: both --training-link and --training-file (expected: exactly one");
    assertThat(dir.resolve("r.cvr")).doesNotExist();
  }

  @Test
  void build_kbWithoutFile_usageErrorNamingIt() {
    List<String> args = buildArgs("tree", "r.cvr");
    args.addAll(List.of("--kb", "KB-1", "--kb-title", "T"));

    Result result = run(args);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--kb-file");
  }

  @Test
  void build_debFile_singleFilePayload() throws IOException {
    Path deb = Files.write(dir.resolve("hello_1.2.0_all.deb"), new byte[] {'!', '<', 'a', 'r', 'c', 'h', '>'});
    List<String> args = args("release", "build", deb.toString(), "--name", "hello", "--version", "1.2.0",
        "--installer", "deb", "--key", keyFile.toString(), "--out", "deb.cvr");

    assertThat(run(args).exitCode()).isZero();

    VerifiedRelease verified = ReleaseReader.inspect(dir.resolve("deb.cvr"), TrustedKeys.of(key.publicKey()));
    assertThat(verified.manifest().payload().format()).isEqualTo(PayloadFormat.FILE);
    assertThat(verified.manifest().payload().sha256()).isEqualTo(FakeAdminService.sha256(Files.readAllBytes(deb)));
  }

  @Test
  void build_missingKeyOrBadVersion_usageErrors() {
    Result noKey = admin.run("release", "build", "tree", "--name", "hello", "--version", "1.0.0", "--installer",
        "archive", "--out", "r.cvr");
    List<String> badVersion = buildArgs("tree", "r.cvr");
    badVersion.set(badVersion.indexOf("1.2.0"), "one");
    Result bad = run(badVersion);

    assertThat(noKey.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noKey.err()).contains("missing --key");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("version");
    assertThat(dir.resolve("r.cvr")).doesNotExist();
  }

  @Test
  void publish_file_sendsSignedFormatAndExactBytes() throws IOException {
    trust();
    assertThat(run(buildArgs("tree", "r.cvr")).exitCode()).isZero();
    byte[] bytes = Files.readAllBytes(dir.resolve("r.cvr"));

    Result result = admin.run("release", "publish", "r.cvr");

    assertThat(result.exitCode()).as(result.err()).isZero();
    FakeAdminService.Upload upload = admin.service().uploads.get(0);
    assertThat(upload.header()).isEqualTo(PublishHeader.newBuilder().setFormat("convoy-release")
        .setSha256(FakeAdminService.sha256(bytes)).setLength(bytes.length).build());
    assertThat(upload.bytes()).isEqualTo(bytes);
    assertThat(result.out()).startsWith("Published hello@1.2.0\n")
        .contains("  installer  archive\n", "  format     convoy-release\n", "  key id     " + key.id().hex());
    assertThat(admin.service().releases).containsKey("hello@1.2.0");
  }

  @Test
  void publish_untrustedKey_failedPreconditionNothingRecorded() {
    assertThat(run(buildArgs("tree", "r.cvr")).exitCode()).isZero();

    Result result = admin.run("release", "publish", "r.cvr");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).startsWith("error: FAILED_PRECONDITION: UNTRUSTED_KEY");
    assertThat(admin.service().releases).isEmpty();
  }

  @Test
  void publish_directoryWithKey_buildsThenPublishesJson() throws IOException {
    trust();

    Result result = admin.run("release", "publish", "tree", "--name", "hello", "--version", "2.0.0", "--installer",
        "script", "--key", keyFile.toString(), "--param", "timeout=5m", "--runbook", "runbook.md", "-o", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    FakeAdminService.Upload upload = admin.service().uploads.get(0);
    assertThat(upload.header().getFormat()).isEqualTo("convoy-release");
    assertThat(upload.header().getName()).isEmpty();
    Path copy = Files.write(dir.resolve("uploaded.cvr"), upload.bytes());
    VerifiedRelease verified = ReleaseReader.inspect(copy, TrustedKeys.of(key.publicKey()));
    assertThat(verified.manifest().ref()).isEqualTo("hello@2.0.0");
    assertThat(verified.manifest().installer().parameters()).isEqualTo(Map.of("timeout", "5m"));
    assertThat(result.out()).contains("\"format\": \"convoy-release\"", "\"signerKeyId\": \"" + key.id().hex());
    try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith("convoy-release-"))
          .filter(p -> Files.exists(p.resolve("release.cvr")))).isEmpty();
    }
  }

  @Test
  void publish_buildOptionsWithoutKey_usageErrorNothingSent() {
    Result result = admin.run("release", "publish", "tree", "--name", "hello");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("build options given without --key");
    assertThat(admin.service().uploads).isEmpty();
  }

  @Test
  void publish_largeRelease_allBytesInOneMebibyteChunks() throws IOException {
    trust();
    byte[] noise = new byte[3 * ReleaseUploader.CHUNK_BYTES];
    new java.util.Random(42).nextBytes(noise);
    Files.write(tree.resolve("data.bin"), noise);
    assertThat(run(buildArgs("tree", "big.cvr")).exitCode()).isZero();
    byte[] bytes = Files.readAllBytes(dir.resolve("big.cvr"));

    Result result = admin.run("release", "publish", "big.cvr");

    assertThat(result.exitCode()).as(result.err()).isZero();
    FakeAdminService.Upload upload = admin.service().uploads.get(0);
    assertThat(upload.bytes()).isEqualTo(bytes);
    assertThat(upload.dataMessages()).isEqualTo((bytes.length + ReleaseUploader.CHUNK_BYTES - 1)
        / ReleaseUploader.CHUNK_BYTES).isGreaterThan(3);
  }

  @Test
  void publish_serverRefuses_errorWithStatusAndExit1() throws IOException {
    trust();
    assertThat(run(buildArgs("tree", "r.cvr")).exitCode()).isZero();
    admin.service().publishFailure = Status.ALREADY_EXISTS.withDescription("hello@1.2.0 exists with other content");

    Result result = admin.run("release", "publish", "r.cvr");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).isEqualTo("error: ALREADY_EXISTS: hello@1.2.0 exists with other content\n");
    assertThat(admin.service().uploads).isEmpty();
  }

  @Test
  void publish_missingFile_usageErrorNothingSent() {
    Result result = admin.run("release", "publish", "nope.cvr");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("does not exist");
    assertThat(admin.service().uploads).isEmpty();
  }

  @Test
  void packagePublish_retired_usageErrorNamingTheReplacementAndNothingSent() {
    Result result = admin.run("package", "publish", "tree", "--name", "hello", "--version", "1.0.0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: " + PackageCommand.RETIRED + "\n");
    assertThat(admin.connections).isEmpty();
    assertThat(admin.service().uploads).isEmpty();
  }

  @Test
  void list_unsignedReleaseOfAnOlderServer_shownAsRetired() {
    admin.service().releases.put("legacy@0.9.0", dev.convoy.protocol.v1.Release.newBuilder().setName("legacy")
        .setVersion("0.9.0").setInstaller("archive").setArchiveFormat("tar.gz").build());

    Result result = admin.run("release", "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).containsPattern("legacy@0\\.9\\.0 +archive +unsigned \\(retired\\)");
  }
}
