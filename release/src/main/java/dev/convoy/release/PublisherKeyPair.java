package dev.convoy.release;

import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A publisher's Ed25519 key pair: signs release manifests. Create with {@link PublisherKeys#generate()} or
 * {@link PublisherKeys#loadPrivateKey}. Immutable and thread-safe (each signature uses its own signer);
 * {@link #toString()} never shows the secret.
 */
public final class PublisherKeyPair {
  private final Ed25519PrivateKeyParameters privateKey;
  private final PublisherPublicKey publicKey;

  PublisherKeyPair(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    this.publicKey = PublisherPublicKey.fromRaw(privateKey.generatePublicKey().getEncoded());
  }

  /** The public half, which servers and agents trust. */
  public PublisherPublicKey publicKey() {
    return publicKey;
  }

  /** The public key's id. */
  public KeyId id() {
    return publicKey.id();
  }

  /** The Ed25519 signature (64 bytes) over exactly {@code message}. */
  public byte[] sign(byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  Ed25519PrivateKeyParameters privateKey() {
    return privateKey;
  }

  @Override
  public String toString() {
    return "Ed25519 publisher key pair " + publicKey.id().display();
  }
}
