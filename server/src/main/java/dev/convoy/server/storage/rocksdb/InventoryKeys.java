package dev.convoy.server.storage.rocksdb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Key layout of the inventory families. Parts are joined with a NUL byte, which none of them can contain (endpoint
 * ids are {@code ep-<hex>}; canonical paths escape control characters). A fact is stored under its index key (the
 * path without list positions) and, only when the path differs from it, the path itself:
 * <pre>
 * inventory_facts    ep NUL indexKey NUL [path]       → value    one endpoint's facts, grouped by index key
 * inventory_index    indexKey NUL ep NUL [path]       → value    one key's entries, endpoint by endpoint
 * inventory_history  ep NUL millis(8, BE) NUL seq(8, BE) → change  time order, then report order
 * counters           inventory-path/indexKey          → entries under that key
 * </pre>
 * Stateless.
 */
final class InventoryKeys {
  static final byte SEPARATOR = 0;
  private static final byte[] COUNTER_PREFIX = "inventory-path/".getBytes(StandardCharsets.UTF_8);

  private InventoryKeys() {}

  /** A decoded fact key: the first two parts and the fact's path. */
  record Parts(String first, String second, String path) {}

  static byte[] join(String... parts) {
    return String.join("\0", parts).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] fact(String endpointId, String indexKey, String path) {
    return join(endpointId, indexKey, suffix(indexKey, path));
  }

  static byte[] indexEntry(String indexKey, String endpointId, String path) {
    return join(indexKey, endpointId, suffix(indexKey, path));
  }

  private static String suffix(String indexKey, String path) {
    return path.equals(indexKey) ? "" : path;
  }

  /** Splits a fact or index key; {@code path} is the stored path, or the index key when none is stored. */
  /**
   * The fact path of an {@link #fact} key: like {@code parts(key, false).path()}, decoding only the path (every
   * check-in reads all of its endpoint's fact keys).
   */
  static String factPath(byte[] key) {
    int first = indexOf(key, SEPARATOR, 0);
    int second = indexOf(key, SEPARATOR, first + 1);
    return second + 1 < key.length
        ? new String(key, second + 1, key.length - second - 1, StandardCharsets.UTF_8)
        : new String(key, first + 1, second - first - 1, StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    throw new IllegalArgumentException("inventory key without its separators");
  }

  static Parts parts(byte[] key, boolean indexKeyFirst) {
    String text = new String(key, StandardCharsets.UTF_8);
    int first = text.indexOf('\0');
    int second = text.indexOf('\0', first + 1);
    String a = text.substring(0, first);
    String b = text.substring(first + 1, second);
    String suffix = text.substring(second + 1);
    String indexKey = indexKeyFirst ? a : b;
    return new Parts(a, b, suffix.isEmpty() ? indexKey : suffix);
  }

  /**
   * The prefixes that together hold exactly the index subtree of the key at the end of {@code base}: the key itself
   * ({@code base NUL}) and everything below it ({@code base.}, {@code base[}). Three exact ranges rather than one
   * range over {@code base}, which would also cover siblings such as {@code software.vim-tiny} for
   * {@code software.vim}.
   */
  static List<byte[]> subtreePrefixes(byte[] base) {
    return List.of(concat(base, new byte[] {SEPARATOR}), concat(base, new byte[] {'.'}),
        concat(base, new byte[] {'['}));
  }

  static byte[] counter(String indexKey) {
    return concat(COUNTER_PREFIX, indexKey.getBytes(StandardCharsets.UTF_8));
  }

  static int counterPrefixLength() {
    return COUNTER_PREFIX.length;
  }

  /** {@code <endpoint id> NUL}: the prefix of all of an endpoint's facts or history. */
  static byte[] endpointPrefix(String endpointId) {
    return concat(endpointId.getBytes(StandardCharsets.UTF_8), new byte[] {SEPARATOR});
  }

  static byte[] history(String endpointId, long epochMillis, long sequence) {
    return ByteBuffer.allocate(endpointPrefix(endpointId).length + 17).put(endpointPrefix(endpointId))
        .putLong(epochMillis).put(SEPARATOR).putLong(sequence).array();
  }

  /** A key after every history key of the endpoint (to start a newest-first scan). */
  static byte[] historyEnd(String endpointId) {
    byte[] end = new byte[17];
    Arrays.fill(end, (byte) 0xff);
    return concat(endpointPrefix(endpointId), end);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
