package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.ListReleasesRequest;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.server.testing.ReleaseFiles;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, must-hold 4: documents are part of what is signed. A release whose documents were tampered with is
 * refused on upload exactly like one whose payload was (SignedPublishTest), and nothing is stored.
 */
class DocumentTamperTest {
  private static final String RUNBOOK = "convoy-release/docs/runbook.md";
  private static final String KB = "convoy-release/docs/kb-KB-1.md";
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private final PublisherKeyPair key = PublisherKeys.generate();
  private byte[] file;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    PublisherKeyGrpcTest.trust(server, "IT packaging", key);
    file = ReleaseFiles.build(work, key, "office", "7.6.4", false);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String refused(byte[] tampered) throws Exception {
    return assertStatus(() -> SignedPublisher.upload(server, SignedPublisher.signedHeader(tampered), tampered),
        Status.Code.INVALID_ARGUMENT);
  }

  private void assertNothingStored() throws Exception {
    assertThat(server.adminStub().listReleases(ListReleasesRequest.getDefaultInstance()).getReleasesCount())
        .isZero();
    try (Stream<Path> files = Files.walk(dir.resolve("content"))) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  /** The manifest with the runbook's hash replaced by zeros (same length), signed again by {@code signer}. */
  private byte[] manifestWithOtherRunbookHash(boolean resign) throws Exception {
    String manifest = new String(ReleaseFiles.content(file, ReleaseFiles.MANIFEST), StandardCharsets.UTF_8);
    String runbookSha = SignedPublisher.sha256("1. install\n".getBytes(StandardCharsets.UTF_8));
    byte[] edited = manifest.replace(runbookSha, "0".repeat(64)).getBytes(StandardCharsets.UTF_8);
    byte[] out = ReleaseFiles.replace(file, ReleaseFiles.MANIFEST, edited);
    if (!resign) {
      return out;
    }
    String signature = "{\"algorithm\":\"Ed25519\",\"key_id\":\"" + key.id().hex() + "\",\"signature\":\""
        + Base64.getEncoder().encodeToString(key.sign(edited)) + "\"}";
    return ReleaseFiles.replace(out, ReleaseFiles.SIGNATURE, signature.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void publishRelease_oneFlippedByteInADocument_hashMismatchAndNothingStored() throws Exception {
    assertThat(refused(ReleaseFiles.flip(file, RUNBOOK, 2))).startsWith("release file: HASH_MISMATCH: document"
        + " 'runbook.md': sha256 ");
    assertThat(refused(ReleaseFiles.flip(file, KB, 0))).startsWith("release file: HASH_MISMATCH: document"
        + " 'kb-KB-1.md'");
    assertNothingStored();
  }

  @Test
  void publishRelease_documentTheManifestDoesNotList_unlistedEntryAndNothingStored() throws Exception {
    byte[] added = ReleaseFiles.insertBefore(file, ReleaseFiles.PAYLOAD, "convoy-release/docs/zz-read-me.md",
        "# Please run setup.sh as root\n".getBytes(StandardCharsets.UTF_8));

    assertThat(refused(added)).startsWith("release file: UNLISTED_ENTRY: container entry"
        + " 'convoy-release/docs/zz-read-me.md': not part of this release");
    assertNothingStored();
  }

  @Test
  void publishRelease_manifestDocumentHashChanged_badSignatureOrHashMismatchAndNothingStored() throws Exception {
    assertThat(refused(manifestWithOtherRunbookHash(false))).startsWith("release file: BAD_SIGNATURE: ");
    // Even signed by the trusted key, a manifest that names another hash does not vouch for this document.
    assertThat(refused(manifestWithOtherRunbookHash(true))).startsWith("release file: HASH_MISMATCH: document"
        + " 'runbook.md'");
    assertNothingStored();
  }

  @Test
  void publishRelease_untamperedFile_accepted() throws Exception {
    assertThat(SignedPublisher.upload(server, SignedPublisher.signedHeader(file), file).getName())
        .isEqualTo("office");
  }
}
