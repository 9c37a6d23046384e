package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.publisher.PublisherKey;
import dev.convoy.server.publisher.PublisherKeyStore;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.PublisherKeyRecord;
import java.util.List;
import java.util.Optional;

/** Trusted publisher keys in {@link ColumnFamily#PUBLISHER_KEYS}, keyed by key id. */
public final class RocksPublisherKeyStore implements PublisherKeyStore {
  private final RocksStorage storage;

  public RocksPublisherKeyStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<PublisherKey> find(String keyId) {
    return Optional.ofNullable(storage.get(ColumnFamily.PUBLISHER_KEYS, Keys.of(keyId)))
        .map(RocksPublisherKeyStore::decode);
  }

  @Override
  public List<PublisherKey> list() {
    return storage.scan(ColumnFamily.PUBLISHER_KEYS, Keys.EMPTY).stream().map(e -> decode(e.getValue())).toList();
  }

  @Override
  public void put(ChangeSet changes, PublisherKey key) {
    PublisherKeyRecord record = PublisherKeyRecord.newBuilder()
        .setKeyId(key.keyId()).setName(key.name()).setPublicKeyPem(key.publicKeyPem()).setAddedBy(key.addedBy())
        .setAddedAt(Keys.timestamp(key.addedAt()))
        .build();
    ((RocksChangeSet) changes).put(ColumnFamily.PUBLISHER_KEYS, Keys.of(key.keyId()), record.toByteArray());
  }

  @Override
  public void delete(ChangeSet changes, String keyId) {
    ((RocksChangeSet) changes).delete(ColumnFamily.PUBLISHER_KEYS, Keys.of(keyId));
  }

  private static PublisherKey decode(byte[] bytes) {
    try {
      PublisherKeyRecord r = PublisherKeyRecord.parseFrom(bytes);
      return new PublisherKey(r.getKeyId(), r.getName(), r.getPublicKeyPem(), r.getAddedBy(),
          Keys.instant(r.getAddedAt()));
    } catch (InvalidProtocolBufferException e) {
      throw ConvoyException.internal("corrupt publisher key record: " + e.getMessage(), e);
    }
  }
}
