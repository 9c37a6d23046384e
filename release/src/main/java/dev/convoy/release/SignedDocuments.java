package dev.convoy.release;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of a release without its payload. Two uses: the server reads a stored release file's head
 * (manifest, signature, documents; it never reads the payload) and checks it against the manifest hash it recorded
 * when it verified the upload ({@link #readHead}); an agent that received a manifest, its signature and one
 * document from the server verifies the signature with its own trusted keys and the document against the manifest
 * ({@link #verifyManifest}, {@link VerifiedManifest#document}). Stateless and thread-safe.
 */
public final class SignedDocuments {
  private SignedDocuments() {}

  /**
   * A release file's head, every part checked.
   *
   * @param manifestJson the exact manifest.json bytes (their SHA-256 is the one expected)
   * @param signatureJson the exact manifest.sig bytes (not verified here: the expected hash vouches for the manifest)
   * @param manifest the decoded manifest
   * @param documents document texts by file name, each checked against the manifest (length, SHA-256, UTF-8)
   */
  public record Head(byte[] manifestJson, byte[] signatureJson, ReleaseManifest manifest,
      Map<String, String> documents) {
    public Head {
      documents = Map.copyOf(documents);
    }
  }

  /**
   * Reads a release container up to (not into) its payload: the manifest, whose SHA-256 must equal
   * {@code expectedManifestSha256} (recorded when the whole file was verified), the signature, and every document
   * the manifest lists, each checked like {@link ReleaseReader#read} checks it.
   *
   * @throws ReleaseVerificationException HASH_MISMATCH when the manifest is not the expected one, or any refusal of
   *     the documents (LENGTH_MISMATCH, HASH_MISMATCH, MALFORMED_DOCUMENT, entries missing or out of order)
   * @throws IOException when the input fails
   */
  public static Head readHead(InputStream in, String expectedManifestSha256) throws IOException {
    ContainerReader container = new ContainerReader(new BufferedInputStream(in, 64 * 1024));
    ContainerOrder order = new ContainerOrder(container);
    ContainerReader.Entry manifestEntry = order.manifest();
    if (manifestEntry.size() > ReleaseFormat.MAX_MANIFEST_BYTES) {
      throw new ReleaseVerificationException(VerificationReason.TOO_LARGE, "manifest.json: " + manifestEntry.size()
          + " bytes (expected: at most " + ReleaseFormat.MAX_MANIFEST_BYTES + ")");
    }
    byte[] manifestJson = container.readAll(manifestEntry);
    String actual = Sha256.hex(manifestJson);
    if (!actual.equals(expectedManifestSha256)) {
      throw new ReleaseVerificationException(VerificationReason.HASH_MISMATCH, "manifest.json: sha256 " + actual
          + " (expected: " + expectedManifestSha256 + ", as recorded when the release was verified)");
    }
    ContainerReader.Entry signatureEntry = order.signature();
    if (signatureEntry.size() > ReleaseFormat.MAX_SIGNATURE_BYTES) {
      throw new ReleaseVerificationException(VerificationReason.TOO_LARGE, "manifest.sig: " + signatureEntry.size()
          + " bytes (expected: at most " + ReleaseFormat.MAX_SIGNATURE_BYTES + ")");
    }
    byte[] signatureJson = container.readAll(signatureEntry);
    ReleaseManifest manifest = ReleaseManifest.decode(manifestJson);
    order.expectRest(manifest);
    List<DocumentRef> files = manifest.documents().files();
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      DocumentRef ref = files.get(i);
      ContainerReader.Entry entry = order.expect(2 + i);
      if (entry.size() != ref.length()) {
        throw lengthMismatch(ref, entry.size());
      }
      texts.put(ref.name(), check(ref, container.readAll(entry)));
    }
    return new Head(manifestJson, signatureJson, manifest, texts);
  }

  /**
   * Verifies {@code signatureJson} over the exact {@code manifestJson} bytes with {@code keys}, then decodes the
   * manifest.
   *
   * @throws ReleaseVerificationException BAD_SIGNATURE, UNTRUSTED_KEY or MALFORMED_MANIFEST
   */
  public static VerifiedManifest verifyManifest(byte[] manifestJson, byte[] signatureJson, TrustedKeys keys) {
    if (manifestJson.length > ReleaseFormat.MAX_MANIFEST_BYTES) {
      throw new ReleaseVerificationException(VerificationReason.TOO_LARGE, "manifest.json: " + manifestJson.length
          + " bytes (expected: at most " + ReleaseFormat.MAX_MANIFEST_BYTES + ")");
    }
    SignatureFile signature = SignatureFile.decode(signatureJson);
    PublisherPublicKey key = keys.find(signature.keyId()).orElseThrow(() -> new ReleaseVerificationException(
        VerificationReason.UNTRUSTED_KEY, "manifest.sig: signed by key " + signature.keyId().display()
            + " (expected: one of the trusted publisher keys " + keys.keys().stream().map(k -> k.id().display())
            .toList() + ")"));
    if (!key.verify(manifestJson, signature.signature())) {
      throw new ReleaseVerificationException(VerificationReason.BAD_SIGNATURE, "manifest.sig: the Ed25519 signature"
          + " by key " + key.id().display() + " does not match manifest.json (expected: a signature over its exact"
          + " bytes)");
    }
    return new VerifiedManifest(ReleaseManifest.decode(manifestJson), key.id(), Sha256.hex(manifestJson));
  }

  /** Checks one document's bytes against its signed reference; answers its text. */
  static String check(DocumentRef ref, byte[] content) {
    if (content.length != ref.length()) {
      throw lengthMismatch(ref, content.length);
    }
    String actual = Sha256.hex(content);
    if (!actual.equals(ref.sha256())) {
      throw new ReleaseVerificationException(VerificationReason.HASH_MISMATCH, "document " + Text.quoted(ref.name())
          + ": sha256 " + actual + " (expected: " + ref.sha256() + ")");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw new ReleaseVerificationException(VerificationReason.MALFORMED_DOCUMENT, "document "
          + Text.quoted(ref.name()) + ": not valid UTF-8 (expected: UTF-8 Markdown)");
    }
  }

  private static ReleaseVerificationException lengthMismatch(DocumentRef ref, long actual) {
    return new ReleaseVerificationException(VerificationReason.LENGTH_MISMATCH, "document " + Text.quoted(ref.name())
        + ": " + actual + " bytes (expected: " + ref.length() + ", as the manifest lists)");
  }
}
