package dev.convoy.server.publisher;

import java.time.Instant;
import java.util.Objects;

/**
 * A publisher key the server trusts: signed releases must be signed by one of these. Distinct from any TLS key.
 * Immutable.
 *
 * @param keyId hex SHA-256 of the raw 32-byte Ed25519 public key ({@link dev.convoy.release.KeyId})
 * @param name who the key belongs to, e.g. "IT packaging team"
 * @param publicKeyPem the SubjectPublicKeyInfo PEM as the admin supplied it
 * @param addedBy certificate subject of the admin who trusted it
 */
public record PublisherKey(String keyId, String name, String publicKeyPem, String addedBy, Instant addedAt) {
  public PublisherKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(publicKeyPem, "publicKeyPem");
    addedBy = Objects.requireNonNullElse(addedBy, "");
    Objects.requireNonNull(addedAt, "addedAt");
  }

  /** The first 16 hex digits of the id: how people see a key. */
  public String displayId() {
    return keyId.substring(0, 16);
  }
}
