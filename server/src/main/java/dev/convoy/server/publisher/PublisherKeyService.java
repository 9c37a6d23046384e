package dev.convoy.server.publisher;

import dev.convoy.release.KeyId;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.PublisherPublicKey;
import dev.convoy.release.TrustedKeys;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher keys this server trusts: adding, listing and removing them, and the {@link TrustedKeys} that signed
 * releases are verified against (on upload here, and by agents, which receive the keys with every desired state).
 *
 * <p>Thread-safe: changes are serialised, and readers see an immutable snapshot that is replaced after each durable
 * change, so verifying an upload or answering a Sync never reads the store.
 */
public final class PublisherKeyService {
  private static final Logger logger = LoggerFactory.getLogger(PublisherKeyService.class);
  public static final int MAX_NAME = 200;

  private final PublisherKeyStore store;
  private final Storage storage;
  private final Clock clock;
  private volatile Snapshot snapshot;

  private record Snapshot(List<PublisherKey> keys, TrustedKeys trusted) {}

  public PublisherKeyService(PublisherKeyStore store, Storage storage, Clock clock) {
    this.store = store;
    this.storage = storage;
    this.clock = clock;
    this.snapshot = load();
  }

  /**
   * Trusts a new publisher key.
   *
   * @param publicKeyPem one PEM {@code PUBLIC KEY} block holding an Ed25519 key (what {@code convoy publisher keygen}
   *     writes)
   * @throws ConvoyException INVALID_ARGUMENT naming {@code name} or {@code public_key_pem}; ALREADY_EXISTS if the
   *     key is trusted already
   */
  public synchronized PublisherKey add(String name, String publicKeyPem, String addedBy) {
    String checkedName = Require.text("name", name, MAX_NAME);
    PublisherPublicKey key = parse(publicKeyPem);
    String keyId = key.id().hex();
    store.find(keyId).ifPresent(existing -> {
      throw ConvoyException.alreadyExists("public_key_pem: key " + existing.displayId() + " is trusted already"
          + " (name '" + existing.name() + "'; expected: a key this server does not trust yet)");
    });
    PublisherKey added = new PublisherKey(keyId, checkedName, PublisherKeys.publicKeyPem(key), addedBy,
        clock.instant());
    ChangeSet changes = storage.begin();
    store.put(changes, added);
    storage.commit(changes);
    snapshot = load();
    logger.info("publisher key trusted key={} name={} by={}", added.displayId(), added.name(), addedBy);
    return added;
  }

  /**
   * Stops trusting a key. Releases it signed stay in the catalogue; new uploads signed by it are refused, and agents
   * refuse to install its releases from their next Sync on.
   *
   * @throws ConvoyException INVALID_ARGUMENT if {@code keyId} is not 64 lowercase hex digits; NOT_FOUND if no trusted
   *     key has it
   */
  public synchronized PublisherKey remove(String keyId, String removedBy) {
    String id = checkedId(keyId);
    PublisherKey existing = store.find(id).orElseThrow(() -> ConvoyException.notFound(
        "key_id: " + id + " is not a trusted publisher key (see convoy publisher list)"));
    ChangeSet changes = storage.begin();
    store.delete(changes, id);
    storage.commit(changes);
    snapshot = load();
    logger.info("publisher key removed key={} name={} by={}", existing.displayId(), existing.name(), removedBy);
    return existing;
  }

  /** Every trusted key, in key id order. */
  public List<PublisherKey> list() {
    return snapshot.keys();
  }

  /** The trusted keys, as the release reader takes them. */
  public TrustedKeys trusted() {
    return snapshot.trusted();
  }

  private Snapshot load() {
    List<PublisherKey> keys = store.list();
    return new Snapshot(keys, TrustedKeys.of(keys.stream()
        .map(k -> PublisherKeys.parsePublicKeyPem(k.publicKeyPem())).toList()));
  }

  private static PublisherPublicKey parse(String pem) {
    if (pem == null || pem.isBlank()) {
      throw ConvoyException.invalidArgument("public_key_pem: empty (expected: an Ed25519 public key in PEM,"
          + " as convoy publisher keygen writes it)");
    }
    try {
      return PublisherKeys.parsePublicKeyPem(pem);
    } catch (IllegalArgumentException e) {
      throw ConvoyException.invalidArgument("public_key_pem: " + e.getMessage()
          + " (expected: one PEM PUBLIC KEY block holding an Ed25519 key)");
    }
  }

  private static String checkedId(String keyId) {
    try {
      return new KeyId(keyId == null ? "" : keyId).hex();
    } catch (IllegalArgumentException e) {
      throw ConvoyException.invalidArgument(e.getMessage());
    }
  }
}
