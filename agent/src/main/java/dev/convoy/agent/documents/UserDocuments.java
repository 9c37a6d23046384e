package dev.convoy.agent.documents;

import dev.convoy.agent.deployment.ServerException;
import dev.convoy.release.DocumentRef;
import dev.convoy.release.ReleaseVerificationException;
import dev.convoy.release.SignedDocuments;
import dev.convoy.release.VerifiedManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents of the releases on this workstation, for its users ({@code convoy-agent docs NAME}). Read from the
 * downloaded release file when it is still here, else fetched from the server; either way nothing is shown before
 * the manifest's signature verified with the publisher keys the server sent with the deployment, and the
 * document's length and SHA-256 matched the signed manifest. Thread-safe.
 */
public final class UserDocuments {
  private static final Logger logger = LoggerFactory.getLogger(UserDocuments.class);
  /** The default: what a user reads. */
  public static final String USER_DOC = "user_doc";

  private final WorkstationReleases releases;
  private final SignedDocumentSource server;
  private final Function<String, Path> downloadedFile;

  /** @param downloadedFile where the verified release file of a SHA-256 lies if it was downloaded */
  public UserDocuments(WorkstationReleases releases, SignedDocumentSource server,
      Function<String, Path> downloadedFile) {
    this.releases = releases;
    this.server = server;
    this.downloadedFile = downloadedFile;
  }

  /**
   * Document {@code selector} (a kind such as {@code user_doc}, a file name, or a KB id; "" for the manifest only)
   * of the release {@code nameOrRef} names.
   *
   * @throws DocumentException NOT_FOUND (no such release here, or no such document), UNVERIFIED (it did not
   *     verify: nothing is shown), UNAVAILABLE (the server cannot be reached and the file is not here)
   */
  public VerifiedDocument read(String nameOrRef, String selector) {
    WorkstationRelease release = releases.find(nameOrRef).orElseThrow(() -> new DocumentException(
        DocumentException.Kind.NOT_FOUND, "no release " + nameOrRef + " is installed or offered on this computer"
            + " (expected one of: " + releases.all().stream().map(WorkstationRelease::ref).toList() + ")"));
    Optional<VerifiedDocument> local = fromFile(release, selector);
    return local.orElseGet(() -> fromServer(release, selector));
  }

  private Optional<VerifiedDocument> fromFile(WorkstationRelease release, String selector) {
    Path file = downloadedFile.apply(release.sha256());
    if (file == null || !Files.isRegularFile(file) || release.manifestSha256().isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      SignedDocuments.Head head = SignedDocuments.readHead(in, release.manifestSha256());
      VerifiedManifest manifest = verify(release, head.manifestJson(), head.signatureJson());
      String name = selector.isEmpty() ? "" : resolve(release, manifest, selector).name();
      return Optional.of(new VerifiedDocument(release, manifest.manifest(), name,
          name.isEmpty() ? "" : head.documents().get(name), "local release file"));
    } catch (IOException e) {
      logger.warn("cannot read the downloaded release file release={} reason={}", release.ref(), e.getMessage());
      return Optional.empty();
    } catch (ReleaseVerificationException e) {
      throw unverified(release, e);
    }
  }

  private VerifiedDocument fromServer(WorkstationRelease release, String selector) {
    SignedDocumentSource.Unverified answer;
    try {
      answer = server.fetch(release.name(), release.version(), selector);
    } catch (ServerException e) {
      throw new DocumentException(e.retryable() ? DocumentException.Kind.UNAVAILABLE
          : DocumentException.Kind.NOT_FOUND, "the server did not answer the document: " + e.getMessage(), e);
    }
    try {
      VerifiedManifest manifest = verify(release, answer.manifestJson(), answer.signatureJson());
      if (!selector.isEmpty() && !resolve(release, manifest, selector).name().equals(answer.document())) {
        throw new ReleaseVerificationException(dev.convoy.release.VerificationReason.UNLISTED_ENTRY, "document "
            + answer.document() + ": not the " + selector + " document the signed manifest lists");
      }
      String text = answer.document().isEmpty() ? "" : manifest.document(answer.document(), answer.content());
      return new VerifiedDocument(release, manifest.manifest(), answer.document(), text, "server");
    } catch (ReleaseVerificationException e) {
      throw unverified(release, e);
    }
  }

  private static VerifiedManifest verify(WorkstationRelease release, byte[] manifestJson, byte[] signatureJson) {
    VerifiedManifest manifest = SignedDocuments.verifyManifest(manifestJson, signatureJson, release.keys());
    if (!manifest.manifestSha256().equals(release.manifestSha256()) && !release.manifestSha256().isEmpty()) {
      throw new ReleaseVerificationException(dev.convoy.release.VerificationReason.UNEXPECTED_RELEASE,
          "manifest.json: sha256 " + manifest.manifestSha256() + " (expected: " + release.manifestSha256()
              + ", the manifest of the deployment)");
    }
    return manifest;
  }

  private static DocumentRef resolve(WorkstationRelease release, VerifiedManifest manifest, String selector) {
    var docs = manifest.manifest().documents();
    String kind = selector.replace('-', '_');
    Optional<DocumentRef> found = switch (kind) {
      case "user_doc" -> docs.userDoc();
      case "release_notes" -> docs.releaseNotes();
      case "runbook" -> docs.runbook();
      case "training" -> docs.training().flatMap(t -> t.document());
      default -> docs.files().stream().filter(d -> d.name().equals(selector)).findFirst()
          .or(() -> docs.kbArticles().stream().filter(a -> a.id().equals(selector)).map(a -> a.document())
              .findFirst());
    };
    return found.orElseThrow(() -> new DocumentException(DocumentException.Kind.NOT_FOUND, "release "
        + release.ref() + " has no " + selector + " document (it has: " + docs.files().stream()
            .map(DocumentRef::name).toList() + ")"));
  }

  private static DocumentException unverified(WorkstationRelease release, ReleaseVerificationException e) {
    logger.error("document refused release={} reason={} message={}", release.ref(), e.reason(), e.getMessage());
    return new DocumentException(DocumentException.Kind.UNVERIFIED, "the documents of " + release.ref()
        + " did not verify (" + e.reason() + ": " + e.getMessage() + "); nothing is shown", e);
  }
}
