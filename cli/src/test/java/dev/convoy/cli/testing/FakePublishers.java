package dev.convoy.cli.testing;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.AddPublisherKeyRequest;
import dev.convoy.protocol.v1.ListPublisherKeysResponse;
import dev.convoy.protocol.v1.PublishHeader;
import dev.convoy.protocol.v1.PublisherKey;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.ReleaseDocument;
import dev.convoy.protocol.v1.RemovePublisherKeyRequest;
import dev.convoy.release.DocumentRef;
import dev.convoy.release.KbArticle;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.PublisherPublicKey;
import dev.convoy.release.ReleaseDocuments;
import dev.convoy.release.ReleaseManifest;
import dev.convoy.release.ReleaseReader;
import dev.convoy.release.ReleaseVerificationException;
import dev.convoy.release.TrustedKeys;
import dev.convoy.release.VerificationReason;
import dev.convoy.release.VerifiedRelease;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The publisher-key half of {@link FakeAdminService}: trusted keys, and signed uploads checked as the real server
 * does, with the release module's {@link ReleaseReader#inspect(Path, TrustedKeys)} before anything is recorded.
 * Thread-safe (synchronized).
 */
public final class FakePublishers {
  private final Map<String, PublisherKey> keys = new LinkedHashMap<>();
  private final Map<String, PublisherPublicKey> publicKeys = new LinkedHashMap<>();

  /** AddPublisherKey: parses the PEM (INVALID_ARGUMENT if it is not an Ed25519 key) and records it. */
  public synchronized PublisherKey add(AddPublisherKeyRequest request) {
    PublisherPublicKey key;
    try {
      key = PublisherKeys.parsePublicKeyPem(request.getPublicKeyPem());
    } catch (IllegalArgumentException e) {
      throw Status.INVALID_ARGUMENT.withDescription("public_key_pem: " + e.getMessage()).asRuntimeException();
    }
    PublisherKey recorded = PublisherKey.newBuilder().setKeyId(key.id().hex()).setName(request.getName())
        .setPublicKeyPem(request.getPublicKeyPem()).setAddedBy("CN=admin,OU=person,O=Convoy")
        .setAddedAt(Timestamp.newBuilder().setSeconds(1_800_000_000L)).build();
    keys.put(recorded.getKeyId(), recorded);
    publicKeys.put(recorded.getKeyId(), key);
    return recorded;
  }

  public synchronized ListPublisherKeysResponse list() {
    return ListPublisherKeysResponse.newBuilder().addAllKeys(keys.values()).build();
  }

  /** RemovePublisherKey: NOT_FOUND for an unknown id. */
  public synchronized PublisherKey remove(RemovePublisherKeyRequest request) {
    PublisherKey removed = keys.remove(request.getKeyId());
    if (removed == null) {
      throw Status.NOT_FOUND.withDescription("publisher key " + request.getKeyId() + " not found")
          .asRuntimeException();
    }
    publicKeys.remove(request.getKeyId());
    return removed;
  }

  public synchronized TrustedKeys trusted() {
    return TrustedKeys.of(publicKeys.values());
  }

  /**
   * Verifies a signed upload and describes it as the server would record it.
   *
   * @throws StatusRuntimeException FAILED_PRECONDITION for an untrusted or missing signature, INVALID_ARGUMENT for
   *     any other refusal or a header that disagrees with the manifest
   */
  public Release verify(PublishHeader header, byte[] bytes, String sha256) {
    VerifiedRelease verified = inspect(bytes);
    ReleaseManifest manifest = verified.manifest();
    check("name", header.getName(), manifest.name());
    check("version", header.getVersion(), manifest.version().toString());
    check("installer", header.getInstaller(), manifest.installer().type());
    return Release.newBuilder().setName(manifest.name()).setVersion(manifest.version().toString())
        .setInstaller(manifest.installer().type()).putAllInstallerParameters(manifest.installer().parameters())
        .setFormat(header.getFormat()).setSignerKeyId(verified.signer().hex())
        .setManifestSha256(verified.manifestSha256()).setDowngrade(manifest.downgrade())
        .addAllDocuments(documents(manifest.documents()))
        .addAllDependencies(ranges(manifest.dependencies())).addAllConflicts(ranges(manifest.conflicts()))
        .addAllSupersedes(ranges(manifest.supersedes())).putAllOsRequirements(manifest.osRequirements())
        .setSha256(sha256).setLength(bytes.length).setChunkSize(1024 * 1024).build();
  }

  private static java.util.List<dev.convoy.protocol.v1.PackageRange> ranges(
      java.util.List<dev.convoy.release.PackageConstraint> list) {
    return list.stream().map(c -> dev.convoy.protocol.v1.PackageRange.newBuilder().setName(c.name())
        .setVersions(c.versions().toString()).build()).toList();
  }

  private VerifiedRelease inspect(byte[] bytes) {
    try {
      Path file = Files.createTempFile("fake-upload-", ".cvr");
      try {
        Files.write(file, bytes);
        return ReleaseReader.inspect(file, trusted());
      } finally {
        Files.delete(file);
      }
    } catch (ReleaseVerificationException e) {
      Status status = e.reason() == VerificationReason.UNTRUSTED_KEY || e.reason() == VerificationReason.UNSIGNED
          ? Status.FAILED_PRECONDITION : Status.INVALID_ARGUMENT;
      throw status.withDescription(e.reason() + ": " + e.getMessage()).asRuntimeException();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(String field, String header, String manifest) {
    if (!header.isEmpty() && !header.equals(manifest)) {
      throw Status.INVALID_ARGUMENT.withDescription(field + ": " + header + " in the header (expected: empty or "
          + manifest + ", as signed)").asRuntimeException();
    }
  }

  private static List<ReleaseDocument> documents(ReleaseDocuments documents) {
    List<ReleaseDocument> all = new ArrayList<>();
    documents.releaseNotes().ifPresent(d -> all.add(document("release_notes", d, "", "")));
    documents.userDoc().ifPresent(d -> all.add(document("user_doc", d, "", "")));
    documents.runbook().ifPresent(d -> all.add(document("runbook", d, "", "")));
    for (KbArticle article : documents.kbArticles()) {
      all.add(document("kb_article", article.document(), article.title(), article.id()));
    }
    documents.training().ifPresent(t -> all.add(t.document().map(d -> document("training", d, t.title(), ""))
        .orElse(ReleaseDocument.newBuilder().setKind("training").setTitle(t.title()).build())));
    return all;
  }

  private static ReleaseDocument document(String kind, DocumentRef ref, String title, String id) {
    return ReleaseDocument.newBuilder().setKind(kind).setName(ref.name()).setTitle(title).setId(id)
        .setLength(ref.length()).setSha256(ref.sha256()).build();
  }
}
