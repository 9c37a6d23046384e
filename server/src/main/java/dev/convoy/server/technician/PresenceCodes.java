package dev.convoy.server.technician;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One-time presence codes: 8 characters of Crockford base32 (40 bits from {@link SecureRandom}), shown as
 * {@code XXXX-XXXX}. Typing is forgiving the Crockford way: case, dashes and spaces do not matter, {@code I}/{@code L}
 * read as 1 and {@code O} as 0. Only a hash is stored, bound to the job, the technician and the code's id, so a code
 * cannot be moved to another job or person; comparison is constant-time. Thread-safe.
 */
public final class PresenceCodes {
  static final int LENGTH = 8;
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private final SecureRandom random = new SecureRandom();

  /** A new code, as shown to people ({@code XXXX-XXXX}). */
  public String generate() {
    StringBuilder code = new StringBuilder(LENGTH + 1);
    for (int i = 0; i < LENGTH; i++) {
      if (i == LENGTH / 2) {
        code.append('-');
      }
      code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  /** The stored hash (hex SHA-256) of {@code code} issued as {@code codeId} for {@code jobId} and {@code technician}. */
  public static String hash(String code, String codeId, String jobId, String technician) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String bound = "convoy-presence-v1\n" + codeId + "\n" + jobId + "\n" + technician + "\n" + normalize(code);
      return HexFormat.of().formatHex(digest.digest(bound.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Whether {@code typed} is the code whose hash is {@code storedHash}; constant-time in the hash comparison. */
  public static boolean matches(String typed, String storedHash, String codeId, String jobId, String technician) {
    byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
    byte[] actual = hash(typed, codeId, jobId, technician).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }

  /** Upper case without separators, Crockford's look-alikes mapped. */
  static String normalize(String typed) {
    StringBuilder out = new StringBuilder();
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      switch (c) {
        case '-', ' ' -> { }
        case 'I', 'L' -> out.append('1');
        case 'O' -> out.append('0');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
