package dev.convoy.release;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * manifest.sig: canonical JSON {@code {"algorithm":"Ed25519","key_id":"<64 hex>","signature":"<base64>"}},
 * the Ed25519 signature over the exact manifest.json bytes. Immutable.
 *
 * @param keyId the signing key's id
 * @param signature the 64-byte signature
 */
record SignatureFile(KeyId keyId, byte[] signature) {
  static final String ALGORITHM = "Ed25519";

  static SignatureFile sign(PublisherKeyPair key, byte[] manifest) {
    return new SignatureFile(key.id(), key.sign(manifest));
  }

  byte[] encode() {
    return CanonicalJson.write(Map.of("algorithm", ALGORITHM, "key_id", keyId.hex(),
        "signature", Base64.getEncoder().encodeToString(signature)));
  }

  /** @throws ReleaseVerificationException BAD_SIGNATURE naming what is wrong with the file */
  static SignatureFile decode(byte[] json) {
    try {
      Object tree = JsonParser.parse(json);
      if (!Arrays.equals(json, CanonicalJson.write(tree))) {
        throw new IllegalArgumentException("not in canonical form (expected: RFC 8785 canonical JSON)");
      }
      JsonFields f = JsonFields.of("", tree);
      String algorithm = f.string("algorithm");
      String keyId = f.string("key_id");
      String signature = f.string("signature");
      f.done();
      if (!algorithm.equals(ALGORITHM)) {
        throw new IllegalArgumentException("algorithm: " + Text.quoted(algorithm) + " (expected: Ed25519)");
      }
      return new SignatureFile(new KeyId(keyId), signatureBytes(signature));
    } catch (IllegalArgumentException e) {
      throw new ReleaseVerificationException(VerificationReason.BAD_SIGNATURE, "manifest.sig: " + e.getMessage(), e);
    }
  }

  private static byte[] signatureBytes(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("signature: not base64 (expected: standard base64 with padding)", e);
    }
    if (bytes.length != PublisherPublicKey.SIGNATURE_LENGTH
        || !Base64.getEncoder().encodeToString(bytes).equals(base64)) {
      throw new IllegalArgumentException("signature: " + bytes.length + " bytes (expected: "
          + PublisherPublicKey.SIGNATURE_LENGTH + ", in canonical standard base64)");
    }
    return bytes;
  }
}
