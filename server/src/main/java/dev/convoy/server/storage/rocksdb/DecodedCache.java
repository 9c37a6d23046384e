package dev.convoy.server.storage.rocksdb;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decoded values of stored records, kept by key and checked against the stored bytes on every read: a hit is a
 * record whose bytes are identical to those it was decoded from, so the cache can never answer a stale value and
 * needs no invalidation (a write elsewhere simply makes the next read miss once). It saves the decoding of records
 * read far more often than written — a campaign (with its plan) is read by every status report and every Sync of
 * each of its endpoints. Values must be immutable. Bounded: past {@code capacity} keys it starts over.
 *
 * <p>Thread-safe.
 */
final class DecodedCache<T> {
  private record Entry<T>(byte[] bytes, T value) {}

  private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
  private final int capacity;
  private final Function<byte[], T> decoder;

  /** @param decoder decodes a record's bytes (must not keep or change the array) */
  DecodedCache(int capacity, Function<byte[], T> decoder) {
    this.capacity = capacity;
    this.decoder = decoder;
  }

  /** The decoded value of {@code bytes} stored under {@code key}, decoded now unless the same bytes were before. */
  T decode(String key, byte[] bytes) {
    Entry<T> cached = entries.get(key);
    if (cached != null && Arrays.equals(cached.bytes(), bytes)) {
      return cached.value();
    }
    T value = decoder.apply(bytes);
    if (entries.size() >= capacity) {
      entries.clear(); // rare (more hot records than capacity): the next reads decode again
    }
    entries.put(key, new Entry<>(bytes, value));
    return value;
  }
}
