package dev.convoy.release;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A publisher's Ed25519 public key (RFC 8032), which verifies release manifests. Distinct from any TLS key.
 * Immutable and thread-safe; equal when the raw key bytes are equal.
 */
public final class PublisherPublicKey {
  /** Length of a raw Ed25519 public key. */
  public static final int RAW_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;
  /** Length of an Ed25519 signature. */
  public static final int SIGNATURE_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE * 2;

  private final byte[] raw;
  private final KeyId id;

  private PublisherPublicKey(byte[] raw) {
    this.raw = raw;
    this.id = KeyId.of(raw);
  }

  /**
   * A key from its raw 32 bytes.
   *
   * @throws IllegalArgumentException for another length
   */
  public static PublisherPublicKey fromRaw(byte[] raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw.length != RAW_LENGTH) {
      throw new IllegalArgumentException("Ed25519 public key: " + raw.length + " bytes (expected: " + RAW_LENGTH + ")");
    }
    return new PublisherPublicKey(raw.clone());
  }

  /** The raw 32 bytes (a copy). */
  public byte[] raw() {
    return raw.clone();
  }

  /** SHA-256 of the raw key. */
  public KeyId id() {
    return id;
  }

  /**
   * Whether {@code signature} is this key's Ed25519 signature over exactly {@code message}. Bouncy Castle's
   * verification is strict (canonical S, valid points), so a signature cannot be mauled into another valid one.
   */
  public boolean verify(byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(raw, 0));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublisherPublicKey key && Arrays.equals(raw, key.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "Ed25519 publisher key " + id.display();
  }
}
