package dev.convoy.release;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A release that passed every check: its manifest, who signed it, its documents, and where its payload went.
 * Immutable.
 *
 * @param manifest the signed manifest
 * @param signer the id of the trusted key that signed it
 * @param manifestSha256 SHA-256 of the exact manifest.json bytes: binds approvals to the content, since the
 *     manifest names every document and payload hash
 * @param fileSha256 SHA-256 of the whole release file as read (content address)
 * @param fileLength length of the release file as read
 * @param documents document texts by file name (see {@link DocumentRef#name()})
 * @param payload the staging directory or output file holding the payload; empty after {@code inspect}
 */
public record VerifiedRelease(ReleaseManifest manifest, KeyId signer, String manifestSha256, String fileSha256,
    long fileLength, Map<String, String> documents, Optional<Path> payload) {
  /** Copies the documents. */
  public VerifiedRelease {
    documents = Map.copyOf(documents);
  }

  /** The text of a document this release lists. @throws IllegalArgumentException for one it does not */
  public String text(DocumentRef document) {
    String text = documents.get(document.name());
    if (text == null) {
      throw new IllegalArgumentException("document: " + Text.quoted(document.name()) + " is not in release "
          + manifest.ref() + " (expected: one of " + documents.keySet() + ")");
    }
    return text;
  }

  /** Document bytes as signed (UTF-8). */
  public byte[] bytes(DocumentRef document) {
    return text(document).getBytes(StandardCharsets.UTF_8);
  }
}
