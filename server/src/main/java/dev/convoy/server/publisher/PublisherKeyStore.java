package dev.convoy.server.publisher;

import dev.convoy.server.storage.ChangeSet;
import java.util.List;
import java.util.Optional;

/** Port: the trusted publisher keys, by key id. Implementations are thread-safe. */
public interface PublisherKeyStore {
  Optional<PublisherKey> find(String keyId);

  /** Every trusted key, in key id order. */
  List<PublisherKey> list();

  /** Stages storing {@code key} under its id. */
  void put(ChangeSet changes, PublisherKey key);

  /** Stages removing the key with {@code keyId}. */
  void delete(ChangeSet changes, String keyId);
}
