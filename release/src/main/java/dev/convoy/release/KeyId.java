package dev.convoy.release;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A publisher key's identifier: the SHA-256 of the raw 32-byte Ed25519 public key, as 64 lowercase hex digits.
 * People see {@link #display()}, its first 16 digits.
 *
 * @param hex 64 lowercase hex digits
 */
public record KeyId(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  /** @throws IllegalArgumentException unless {@code hex} is 64 lowercase hex digits */
  public KeyId {
    Text.matches("key_id", hex, HEX, "64 lowercase hex digits, the SHA-256 of the raw Ed25519 public key");
  }

  /** The id of a raw 32-byte Ed25519 public key. */
  public static KeyId of(byte[] rawPublicKey) {
    return new KeyId(Sha256.hex(rawPublicKey));
  }

  /** The first 16 hex digits, for people and logs. */
  public String display() {
    return hex.substring(0, 16);
  }

  byte[] bytes() {
    return HexFormat.of().parseHex(hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
