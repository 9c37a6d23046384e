package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.ListReleasesRequest;
import dev.convoy.protocol.v1.PublishHeader;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.ReleaseDocument;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.server.testing.ReleaseFiles;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedPublishTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private final PublisherKeyPair key = PublisherKeys.generate();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    PublisherKeyGrpcTest.trust(server, "IT packaging", key);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void assertNothingStored() throws Exception {
    SignedPublisher.assertNothingStored(server);
  }

  private String refused(byte[] file, Status.Code code) throws Exception {
    PublishHeader header = SignedPublisher.signedHeader(file);
    return assertStatus(() -> SignedPublisher.upload(server, header, file), code);
  }

  @Test
  void publishRelease_relations_listedOverTheWire() throws Exception {
    byte[] file = ReleaseFiles.build(work, key, "office", "8.0.0", b -> b.dependency("fonts", ">=2.0.0 <3.0.0")
        .conflict("oldoffice", "*").supersedes("office-lite", "<8.0.0").osRequirement("os.family", "debian"));

    SignedPublisher.upload(server, SignedPublisher.signedHeader(file), file);
    server.restart();

    Release listed = server.adminStub().listReleases(ListReleasesRequest.getDefaultInstance()).getReleases(0);
    assertThat(listed.getDependenciesList()).extracting(r -> r.getName() + " " + r.getVersions())
        .containsExactly("fonts >=2.0.0 <3.0.0");
    assertThat(listed.getConflictsList()).extracting(r -> r.getName() + " " + r.getVersions())
        .containsExactly("oldoffice *");
    assertThat(listed.getSupersedesList()).extracting(r -> r.getName() + " " + r.getVersions())
        .containsExactly("office-lite <8.0.0");
    assertThat(listed.getOsRequirementsMap()).isEqualTo(Map.of("os.family", "debian"));
  }

  @Test
  void publishRelease_signedByTrustedKey_manifestFieldsRecorded() throws Exception {
    byte[] file = ReleaseFiles.build(work, key, "office", "7.6.4", false);

    Release release = SignedPublisher.upload(server, SignedPublisher.signedHeader(file), file);

    assertThat(release.getFormat()).isEqualTo("convoy-release");
    assertThat(release.getName()).isEqualTo("office");
    assertThat(release.getVersion()).isEqualTo("7.6.4");
    assertThat(release.getInstaller()).isEqualTo("archive");
    assertThat(release.getInstallerParametersMap()).isEqualTo(Map.of("target", "/opt/office"));
    assertThat(release.getSignerKeyId()).isEqualTo(key.publicKey().id().hex());
    assertThat(release.getManifestSha256()).matches("[0-9a-f]{64}");
    assertThat(release.getDowngrade()).isFalse();
    assertThat(release.getSha256()).isEqualTo(SignedPublisher.sha256(file));
    assertThat(release.getLength()).isEqualTo(file.length);
    assertThat(release.getDocumentsList()).extracting(ReleaseDocument::getKind, ReleaseDocument::getName,
        ReleaseDocument::getId, ReleaseDocument::getTitle).containsExactly(
            org.assertj.core.groups.Tuple.tuple("release_notes", "release-notes.md", "", ""),
            org.assertj.core.groups.Tuple.tuple("runbook", "runbook.md", "", ""),
            org.assertj.core.groups.Tuple.tuple("kb_article", "kb-KB-1.md", "KB-1", "Disk full"));
    assertThat(release.getDocuments(0).getSha256()).isEqualTo(SignedPublisher.sha256(
        "# 7.6.4\nBetter.\n".getBytes(StandardCharsets.UTF_8)));
    server.restart();
    assertThat(server.adminStub().listReleases(ListReleasesRequest.getDefaultInstance()).getReleasesList())
        .containsExactly(release.toBuilder().clearChunkSha256().build());
  }

  @Test
  void publishRelease_headerNamesMatchingManifest_accepted() throws Exception {
    byte[] file = ReleaseFiles.build(work, key, "office", "7.6.4", true);
    PublishHeader header = SignedPublisher.signedHeader(file).toBuilder().setName("office").setVersion("7.6.4")
        .setInstaller("archive").build();

    Release release = SignedPublisher.upload(server, header, file);

    assertThat(release.getDowngrade()).isTrue();
  }

  @Test
  void publishRelease_headerDisagreesWithManifest_invalidArgumentNamingFieldAndNothingStored() throws Exception {
    byte[] file = ReleaseFiles.build(work, key, "office", "7.6.4", false);
    PublishHeader otherName = SignedPublisher.signedHeader(file).toBuilder().setName("excel").build();
    PublishHeader otherVersion = SignedPublisher.signedHeader(file).toBuilder().setVersion("7.6.5").build();
    PublishHeader otherInstaller = SignedPublisher.signedHeader(file).toBuilder().setInstaller("deb").build();

    assertThat(assertStatus(() -> SignedPublisher.upload(server, otherName, file), Status.Code.INVALID_ARGUMENT))
        .isEqualTo("name: the header says 'excel', the signed manifest says 'office' (expected: empty or the"
            + " manifest's value)");
    assertThat(assertStatus(() -> SignedPublisher.upload(server, otherVersion, file),
        Status.Code.INVALID_ARGUMENT)).startsWith("version: the header says '7.6.5'");
    assertThat(assertStatus(() -> SignedPublisher.upload(server, otherInstaller, file),
        Status.Code.INVALID_ARGUMENT)).startsWith("installer: the header says 'deb'");
    assertNothingStored();
  }

  @Test
  void publishRelease_signedByUntrustedKey_failedPreconditionAndNothingStored() throws Exception {
    PublisherKeyPair stranger = PublisherKeys.generate();
    byte[] file = ReleaseFiles.build(work, stranger, "office", "7.6.4", false);

    String message = refused(file, Status.Code.FAILED_PRECONDITION);

    assertThat(message).isEqualTo("release file: signed by key " + stranger.publicKey().id().display()
        + ", which this server does not trust (convoy publisher list)");
    assertNothingStored();
  }

  @Test
  void publishRelease_garbageOrUnsignedFile_refusedAndNothingStored() throws Exception {
    byte[] garbage = "this is not a release file".repeat(100).getBytes(StandardCharsets.UTF_8);
    byte[] unsigned = ReleaseFiles.without(ReleaseFiles.build(work, key, "office", "7.6.4", false),
        ReleaseFiles.SIGNATURE);

    assertThat(refused(garbage, Status.Code.INVALID_ARGUMENT)).startsWith("release file: MALFORMED_CONTAINER: ");
    assertThat(refused(unsigned, Status.Code.FAILED_PRECONDITION)).startsWith("release file: not signed (")
        .endsWith("this server accepts only releases signed by a trusted publisher key (convoy publisher list)");
    assertNothingStored();
  }

  @Test
  void publishRelease_oneFlippedBit_invalidArgumentWithReasonAndNothingStored() throws Exception {
    byte[] file = ReleaseFiles.build(work, key, "office", "7.6.4", false);
    int payloadLength = ReleaseFiles.length(file, ReleaseFiles.PAYLOAD);

    assertThat(refused(ReleaseFiles.flip(file, ReleaseFiles.PAYLOAD, payloadLength / 2),
        Status.Code.INVALID_ARGUMENT)).startsWith("release file: HASH_MISMATCH: ");
    assertThat(refused(ReleaseFiles.flip(file, ReleaseFiles.MANIFEST, 40), Status.Code.INVALID_ARGUMENT))
        .startsWith("release file: BAD_SIGNATURE: ");
    assertThat(refused(ReleaseFiles.flip(file, ReleaseFiles.SIGNATURE, 120), Status.Code.INVALID_ARGUMENT))
        .startsWith("release file: BAD_SIGNATURE: ");
    assertNothingStored();
  }

  @Test
  void publishRelease_unknownFormat_invalidArgument() throws Exception {
    byte[] file = ReleaseFiles.build(work, key, "office", "7.6.4", false);
    PublishHeader header = SignedPublisher.signedHeader(file).toBuilder().setFormat("rpm").build();

    assertThat(assertStatus(() -> SignedPublisher.upload(server, header, file), Status.Code.INVALID_ARGUMENT))
        .startsWith("format: 'rpm' (expected: convoy-release");
    assertNothingStored();
  }
}
