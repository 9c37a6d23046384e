package dev.convoy.release;

import java.nio.charset.StandardCharsets;

/**
 * A manifest whose signature was verified against trusted publisher keys, without its container: what an agent
 * holds after it received a release's manifest, signature and one document from the server rather than the whole
 * release file. Its documents are checked against it one by one with {@link #document(String, byte[])}. Immutable.
 *
 * @param manifest the signed manifest
 * @param signer the trusted key that signed it
 * @param manifestSha256 SHA-256 of the exact manifest.json bytes
 */
public record VerifiedManifest(ReleaseManifest manifest, KeyId signer, String manifestSha256) {
  /**
   * The text of document {@code name} after checking {@code content} against the signed manifest: listed, same
   * length, same SHA-256, valid UTF-8. Nothing unverified is ever returned.
   *
   * @throws ReleaseVerificationException UNLISTED_ENTRY, LENGTH_MISMATCH, HASH_MISMATCH or MALFORMED_DOCUMENT
   */
  public String document(String name, byte[] content) {
    DocumentRef ref = manifest.documents().files().stream().filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new ReleaseVerificationException(VerificationReason.UNLISTED_ENTRY, "document "
            + Text.quoted(name) + ": not listed in the signed manifest of " + manifest.ref() + " (expected: one of "
            + manifest.documents().files().stream().map(DocumentRef::name).toList() + ")"));
    return SignedDocuments.check(ref, content);
  }

  /** {@link #document(String, byte[])} for text already decoded (re-encoded as UTF-8 to check). */
  public String document(String name, String text) {
    return document(name, text.getBytes(StandardCharsets.UTF_8));
  }
}
