package dev.convoy.release;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The publisher keys a server or agent accepts release signatures from. Immutable and thread-safe. Lookup
 * compares the wanted id with every key in constant time per key and without stopping at a match, so timing
 * says nothing about which keys are trusted.
 */
public final class TrustedKeys {
  private static final TrustedKeys NONE = new TrustedKeys(List.of());

  private final List<PublisherPublicKey> keys;

  private TrustedKeys(List<PublisherPublicKey> keys) {
    this.keys = keys;
  }

  /** No key: every signed release is refused as UNTRUSTED_KEY. */
  public static TrustedKeys none() {
    return NONE;
  }

  /** These keys (duplicates collapse). */
  public static TrustedKeys of(PublisherPublicKey... keys) {
    return of(List.of(keys));
  }

  /** These keys (duplicates collapse). */
  public static TrustedKeys of(Collection<PublisherPublicKey> keys) {
    Map<KeyId, PublisherPublicKey> unique = new LinkedHashMap<>();
    keys.forEach(k -> unique.putIfAbsent(k.id(), k));
    return new TrustedKeys(List.copyOf(unique.values()));
  }

  /** A new set with {@code key} added. */
  public TrustedKeys with(PublisherPublicKey key) {
    List<PublisherPublicKey> all = new ArrayList<>(keys);
    all.add(key);
    return of(all);
  }

  /** The key with {@code id}, if trusted. */
  public Optional<PublisherPublicKey> find(KeyId id) {
    byte[] wanted = id.bytes();
    PublisherPublicKey found = null;
    for (PublisherPublicKey key : keys) {
      if (MessageDigest.isEqual(wanted, key.id().bytes())) { // constant time for equal lengths
        found = key;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The trusted keys, in the order given. */
  public List<PublisherPublicKey> keys() {
    return keys;
  }

  /** How many keys are trusted. */
  public int size() {
    return keys.size();
  }

  @Override
  public String toString() {
    return "TrustedKeys" + keys.stream().map(k -> k.id().display()).toList();
  }
}
