package dev.convoy.server.enrollment;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * A limited-use, time-bound enrollment token as stored: only the SHA-256 of its secret is kept, so a copy of the
 * database does not let anyone enroll.
 *
 * @param tokenId public id (the middle part of the token text), for lookup, listing and audit
 * @param group group that endpoints enrolled with this token join
 */
public record EnrollmentToken(String tokenId, String group, byte[] secretSha256, int usesTotal, int usesLeft,
    Instant createdAt, Instant expiresAt, String createdBy) {

  public EnrollmentToken {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    createdBy = Objects.requireNonNullElse(createdBy, "");
    if (secretSha256.length != 32) {
      throw new IllegalArgumentException("secretSha256: " + secretSha256.length + " bytes (expected: 32)");
    }
    secretSha256 = secretSha256.clone();
  }

  @Override
  public byte[] secretSha256() {
    return secretSha256.clone();
  }

  /** Constant-time check of a presented secret's hash against the stored one. */
  public boolean secretMatches(byte[] presentedSha256) {
    return MessageDigest.isEqual(secretSha256, presentedSha256);
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** This token with one use consumed. */
  public EnrollmentToken withOneUseConsumed() {
    if (usesLeft <= 0) {
      throw new IllegalStateException("token " + tokenId + " has no uses left");
    }
    return new EnrollmentToken(tokenId, group, secretSha256, usesTotal, usesLeft - 1, createdAt, expiresAt, createdBy);
  }
}
