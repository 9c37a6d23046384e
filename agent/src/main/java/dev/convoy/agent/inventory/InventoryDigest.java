package dev.convoy.agent.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The incremental inventory digest of docs/inventory.md ("Inventory digest"), as the server computes it: the sum,
 * modulo 2^256, of the SHA-256 of every fact's canonical encoding (the path's UTF-8 length as 4 bytes big-endian,
 * the path's UTF-8 bytes, a type byte, the value: 1 text as UTF-8, 2 integer as 8 bytes big-endian, 3 real as the
 * 8 bytes big-endian of {@link Double#doubleToLongBits}, 4 flag as one byte 0 or 1), read as an unsigned
 * big-endian number; 64 lowercase hex digits. A change of k facts updates it in O(k) instead of rehashing the
 * whole inventory.
 *
 * <p>Immutable and thread-safe.
 */
public final class InventoryDigest {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(InventoryDigest::newSha256);

  private final long[] words; // most significant first

  private InventoryDigest(long[] words) {
    this.words = words;
  }

  /** The digest of a whole inventory. */
  public static InventoryDigest of(Inventory inventory) {
    long[] sum = new long[4];
    for (Map.Entry<String, FactValue> fact : inventory.asMap().entrySet()) {
      add(sum, factHash(fact.getKey(), fact.getValue()), false);
    }
    return new InventoryDigest(sum);
  }

  /** @return the digest for the hex text, or null if it is not 64 lowercase hex digits */
  public static InventoryDigest parse(String hex) {
    if (hex == null || !HEX.matcher(hex).matches()) {
      return null;
    }
    return new InventoryDigest(words(HexFormat.of().parseHex(hex)));
  }

  /** This digest (of {@code base}) moved to the inventory that {@code changes} make of {@code base}. */
  public InventoryDigest with(Inventory base, InventoryChanges changes) {
    long[] sum = words.clone();
    for (Fact fact : changes.set()) {
      base.get(fact.path()).ifPresent(old -> add(sum, factHash(fact.path(), old), true));
      add(sum, factHash(fact.path(), fact.value()), false);
    }
    for (String path : changes.removed()) {
      base.get(path).ifPresent(old -> add(sum, factHash(path, old), true));
    }
    return new InventoryDigest(sum);
  }

  /** 64 lowercase hex digits. */
  public String hex() {
    StringBuilder text = new StringBuilder(64);
    for (long word : words) {
      text.append(HexFormat.of().toHexDigits(word));
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InventoryDigest d && Arrays.equals(words, d.words);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return hex();
  }

  private static long[] factHash(String path, FactValue value) {
    MessageDigest sha = SHA256.get();
    byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
    sha.update(new byte[] {(byte) (pathBytes.length >>> 24), (byte) (pathBytes.length >>> 16),
        (byte) (pathBytes.length >>> 8), (byte) pathBytes.length});
    sha.update(pathBytes);
    if (value instanceof FactValue.Text text) {
      sha.update((byte) 1);
      sha.update(text.value().getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof FactValue.Int integer) {
      sha.update((byte) 2);
      sha.update(longBytes(integer.value()));
    } else if (value instanceof FactValue.Real real) {
      sha.update((byte) 3);
      sha.update(longBytes(Double.doubleToLongBits(real.value())));
    } else if (value instanceof FactValue.Flag flag) {
      sha.update((byte) 4);
      sha.update((byte) (flag.value() ? 1 : 0));
    }
    return words(sha.digest());
  }

  private static long[] words(byte[] bytes) {
    long[] words = new long[4];
    for (int i = 0; i < 32; i++) {
      words[i / 8] = words[i / 8] << 8 | (bytes[i] & 0xff);
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
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
