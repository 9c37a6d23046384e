package dev.convoy.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The incremental inventory digest of docs/inventory.md ("Inventory digest"): the sum, modulo 2^256, of the SHA-256
 * of every fact's canonical encoding, read as an unsigned big-endian number; 64 lowercase hex digits. A sum does not
 * depend on order and changes by one term per fact, so a delta updates it in O(changed facts):
 * {@code digest - h(path, old) + h(path, new)}. It detects drift between the agent's and the server's copies; it
 * is not an authenticity check (the caller's identity is its mTLS certificate, and an agent may report anything
 * about its own endpoint anyway).
 *
 * <p>Fact encoding: the path's UTF-8 length as 4 bytes big-endian, the path's UTF-8 bytes, one type byte, the value:
 * 1 text (its UTF-8 bytes), 2 integer (8 bytes big-endian two's complement), 3 real (the 8 bytes big-endian of
 * {@link Double#doubleToLongBits}), 4 flag (one byte, 0 or 1).
 *
 * <p>The one definition both the agent and the server use: plain Java beside the wire contract, outside
 * {@code dev.convoy.protocol} (generated code, which both sides keep at their gRPC edge), so their domain code may
 * use it.
 *
 * <p>Immutable and thread-safe.
 */
public final class InventoryDigest {
  /** The digest of an empty inventory. */
  public static final InventoryDigest EMPTY = new InventoryDigest(new long[4]);
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(InventoryDigest::newSha256);

  private final long[] words; // most significant first

  private InventoryDigest(long[] words) {
    this.words = words;
  }

  /** The digest of a whole inventory (path → String, Long, Double or Boolean). */
  public static InventoryDigest of(Map<String, ?> facts) {
    long[] sum = new long[4];
    facts.forEach((path, value) -> add(sum, factHash(path, value), false));
    return new InventoryDigest(sum);
  }

  /** @return the digest for the hex text, or null if it is not 64 lowercase hex digits */
  public static InventoryDigest parse(String hex) {
    if (hex == null || hex.length() != 64) {
      return null;
    }
    for (int i = 0; i < 64; i++) { // a scan, not a regex: every delta parses its base
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return null;
      }
    }
    byte[] bytes = HexFormat.of().parseHex(hex);
    long[] words = new long[4];
    for (int i = 0; i < 32; i++) {
      words[i / 8] = words[i / 8] << 8 | (bytes[i] & 0xff);
    }
    return new InventoryDigest(words);
  }

  /** This digest with the fact at {@code path} added. */
  public InventoryDigest plus(String path, Object value) {
    long[] sum = words.clone();
    add(sum, factHash(path, value), false);
    return new InventoryDigest(sum);
  }

  /** This digest with the fact at {@code path} (holding {@code value}) taken away. */
  public InventoryDigest minus(String path, Object value) {
    long[] sum = words.clone();
    add(sum, factHash(path, value), true);
    return new InventoryDigest(sum);
  }

  /** 64 lowercase hex digits. */
  public String hex() {
    StringBuilder text = new StringBuilder(64);
    HexFormat hex = HexFormat.of();
    for (long word : words) {
      text.append(hex.toHexDigits(word));
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InventoryDigest d && java.util.Arrays.equals(words, d.words);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return hex();
  }

  /** SHA-256 of the fact's canonical encoding, as 4 words, most significant first. */
  static long[] factHash(String path, Object value) {
    MessageDigest sha = SHA256.get();
    byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
    sha.update(new byte[] {(byte) (pathBytes.length >>> 24), (byte) (pathBytes.length >>> 16),
        (byte) (pathBytes.length >>> 8), (byte) pathBytes.length});
    sha.update(pathBytes);
    if (value instanceof String text) {
      sha.update((byte) 1);
      sha.update(text.getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof Long integer) {
      sha.update((byte) 2);
      sha.update(longBytes(integer));
    } else if (value instanceof Double real) {
      sha.update((byte) 3);
      sha.update(longBytes(Double.doubleToLongBits(real)));
    } else if (value instanceof Boolean flag) {
      sha.update((byte) 4);
      sha.update((byte) (flag ? 1 : 0));
    } else {
      sha.reset();
      throw new IllegalArgumentException("fact value of type " + (value == null ? "null" : value.getClass()));
    }
    byte[] hash = sha.digest();
    long[] words = new long[4];
    for (int i = 0; i < 32; i++) {
      words[i / 8] = words[i / 8] << 8 | (hash[i] & 0xff);
    }
    return words;
  }

  /** {@code sum += term} (or {@code -=}: plus the two's complement of term) modulo 2^256, in place. */
  private static void add(long[] sum, long[] term, boolean subtract) {
    long carry = subtract ? 1 : 0;
    for (int i = 3; i >= 0; i--) {
      long a = sum[i];
      long b = subtract ? ~term[i] : term[i];
      long result = a + b + carry;
      // b + carry wrapped only if b is all ones and carry is 1; then result == a and a carry goes out
      carry = Long.compareUnsigned(result, a) < 0 || (carry == 1 && result == a) ? 1 : 0;
      sum[i] = result;
    }
  }

  private static byte[] longBytes(long value) {
    byte[] bytes = new byte[8];
    for (int i = 7; i >= 0; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
    return bytes;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
