package dev.convoy.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One streaming pass over a release container: manifest (size-checked), signature (verified against the trusted
 * keys before anything is parsed or written), manifest schema, caller limits and gate, documents, payload into
 * the sink, blob length and hash, container end. Any failure discards the sink. Single use; not thread-safe.
 */
final class ReadPass {
  private final TrustedKeys keys;
  private final ReleaseLimits limits;
  private final ManifestGate gate;
  private final PayloadSink sink;
  private ContainerReader container;
  private ContainerOrder order;

  ReadPass(TrustedKeys keys, ReleaseLimits limits, ManifestGate gate, PayloadSink sink) {
    this.keys = keys;
    this.limits = limits;
    this.gate = gate;
    this.sink = sink;
  }

  VerifiedRelease run(InputStream in) throws IOException {
    container = new ContainerReader(in);
    order = new ContainerOrder(container);
    try {
      VerifiedRelease release = verify();
      sink.commit();
      return release;
    } catch (IOException | RuntimeException | Error e) {
      sink.discard();
      if (container.sourceFailure() != null) {
        throw container.sourceFailure(); // the download broke; the content may be fine
      }
      throw e;
    }
  }

  private VerifiedRelease verify() throws IOException {
    byte[] manifestBytes = manifestBytes();
    KeyId signer = checkSignature(manifestBytes);
    ReleaseManifest manifest = ReleaseManifest.decode(manifestBytes);
    limits.check(manifest);
    gate.check(manifest);
    order.expectRest(manifest);
    Map<String, String> documents = documents(manifest.documents().files());
    payload(manifest.payload(), manifest.unpackedSize());
    order.expectEnd();
    return new VerifiedRelease(manifest, signer, Sha256.hex(manifestBytes), container.sha256(),
        container.position(), documents, sink.location());
  }

  private byte[] manifestBytes() throws IOException {
    ContainerReader.Entry entry = order.manifest();
    if (entry.size() > ReleaseFormat.MAX_MANIFEST_BYTES) {
      throw refuse(VerificationReason.TOO_LARGE, "manifest.json: " + entry.size() + " bytes (expected: at most "
          + ReleaseFormat.MAX_MANIFEST_BYTES + ")");
    }
    return container.readAll(entry);
  }

  private KeyId checkSignature(byte[] manifestBytes) throws IOException {
    ContainerReader.Entry entry = order.signature();
    if (entry.size() > ReleaseFormat.MAX_SIGNATURE_BYTES) {
      throw refuse(VerificationReason.TOO_LARGE, "manifest.sig: " + entry.size() + " bytes (expected: at most "
          + ReleaseFormat.MAX_SIGNATURE_BYTES + ")");
    }
    SignatureFile signature = SignatureFile.decode(container.readAll(entry));
    PublisherPublicKey key = keys.find(signature.keyId()).orElseThrow(() -> refuse(VerificationReason.UNTRUSTED_KEY,
        "manifest.sig: signed by key " + signature.keyId().display() + " (expected: one of the trusted publisher"
            + " keys " + keys.keys().stream().map(k -> k.id().display()).toList() + ")"));
    if (!key.verify(manifestBytes, signature.signature())) {
      throw refuse(VerificationReason.BAD_SIGNATURE, "manifest.sig: the Ed25519 signature by key "
          + key.id().display() + " does not match manifest.json (expected: a signature over its exact bytes)");
    }
    return key.id();
  }

  private Map<String, String> documents(List<DocumentRef> files) throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      DocumentRef ref = files.get(i);
      ContainerReader.Entry entry = order.expect(2 + i);
      if (entry.size() != ref.length()) {
        throw refuse(VerificationReason.LENGTH_MISMATCH, "document " + Text.quoted(ref.name()) + ": "
            + entry.size() + " bytes (expected: " + ref.length() + ", as the manifest lists)");
      }
      byte[] content = container.readAll(entry);
      String actual = Sha256.hex(content);
      if (!actual.equals(ref.sha256())) {
        throw refuse(VerificationReason.HASH_MISMATCH, "document " + Text.quoted(ref.name()) + ": sha256 " + actual
            + " (expected: " + ref.sha256() + ")");
      }
      texts.put(ref.name(), utf8(ref.name(), content));
    }
    return texts;
  }

  private void payload(PayloadSpec spec, long unpackedSize) throws IOException {
    ContainerReader.Entry entry = order.payload();
    if (entry.size() != spec.length()) {
      throw refuse(VerificationReason.LENGTH_MISMATCH, "payload " + Text.quoted(spec.name()) + ": " + entry.size()
          + " bytes (expected: " + spec.length() + ", as the manifest lists)");
    }
    BlobStream blob = new BlobStream(container.content());
    sink.open(spec.format()); // the first write anywhere: everything signed has been checked by now
    try {
      if (spec.format() == PayloadFormat.TAR_GZ) {
        ArchivePayload.verify(blob, spec, unpackedSize, sink);
      } else {
        copy(blob);
      }
    } catch (ReleaseVerificationException e) {
      throw explain(e, blob, spec);
    }
    drain(blob, spec);
    checkBlob(blob, spec);
  }

  /** Reads the rest of the blob through its hash; the input ending early is TRUNCATED. */
  private void drain(BlobStream blob, PayloadSpec spec) throws IOException {
    try {
      blob.drain();
    } catch (IOException e) {
      if (container.truncated()) {
        throw truncatedPayload(blob, spec, e);
      }
      throw e;
    }
  }

  private ReleaseVerificationException truncatedPayload(BlobStream blob, PayloadSpec spec, Throwable cause) {
    return refuse(VerificationReason.TRUNCATED, "container: ends inside the payload after " + blob.count()
        + " of " + spec.length() + " bytes", cause);
  }

  private void copy(BlobStream blob) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = sink.blob()) {
      for (int n = read(blob, buffer); n >= 0; n = read(blob, buffer)) {
        if (Thread.currentThread().isInterrupted()) { // cancelled; the flag stays set for the caller
          throw new InterruptedIOException("payload copy interrupted");
        }
        out.write(buffer, 0, n);
      }
    }
  }

  private int read(BlobStream blob, byte[] buffer) {
    try {
      return blob.read(buffer, 0, buffer.length);
    } catch (IOException e) {
      throw new ReleaseVerificationException(VerificationReason.TRUNCATED, "payload: " + e.getMessage(), e);
    }
  }

  /**
   * A payload that fails inside is first checked as a whole: truncation and a blob that is not the signed one
   * (HASH_MISMATCH) are the real causes, whatever the decompressor made of them.
   */
  private ReleaseVerificationException explain(ReleaseVerificationException e, BlobStream blob, PayloadSpec spec)
      throws IOException {
    if (container.truncated()) {
      return truncatedPayload(blob, spec, e);
    }
    drain(blob, spec);
    try {
      checkBlob(blob, spec);
    } catch (ReleaseVerificationException blobWrong) {
      return blobWrong;
    }
    return e;
  }

  private void checkBlob(BlobStream blob, PayloadSpec spec) {
    if (blob.count() != spec.length()) {
      throw refuse(container.truncated() ? VerificationReason.TRUNCATED : VerificationReason.LENGTH_MISMATCH,
          "payload " + Text.quoted(spec.name()) + ": " + blob.count() + " bytes (expected: " + spec.length() + ")");
    }
    String actual = blob.sha256();
    if (!actual.equals(spec.sha256())) {
      throw refuse(VerificationReason.HASH_MISMATCH, "payload " + Text.quoted(spec.name()) + ": sha256 " + actual
          + " (expected: " + spec.sha256() + ", as the manifest lists)");
    }
  }

  private static String utf8(String name, byte[] content) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw refuse(VerificationReason.MALFORMED_DOCUMENT, "document " + Text.quoted(name) + ": not valid UTF-8"
          + " (expected: UTF-8 Markdown)");
    }
  }

  private static ReleaseVerificationException refuse(VerificationReason reason, String message) {
    return new ReleaseVerificationException(reason, message);
  }

  private static ReleaseVerificationException refuse(VerificationReason reason, String message, Throwable cause) {
    return new ReleaseVerificationException(reason, message, cause);
  }
}
