package dev.convoy.server.common;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Server-chosen identifiers: a readable prefix and 64 random bits in hex ({@code ep-1a2b3c4d5e6f7a8b}).
 * Random rather than sequential so that ids reveal nothing about how many others exist. Thread-safe.
 */
public final class RandomIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  /** {@code prefix} followed by 16 lowercase hex digits. */
  public static String next(String prefix) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }

  /** {@code length} random bytes from a cryptographic generator. */
  public static byte[] secret(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
