package dev.convoy.server.storage.rocksdb;

/**
 * Writes straight into a {@link RocksStorage}, bypassing every store and service: for tests that corrupt the stored
 * state on purpose and check that the server notices.
 */
public final class RawRocks {
  private RawRocks() {}

  /** Overwrites the row-major copy of one fact (not the index, not the meta): a server view gone wrong. */
  public static void overwriteFactRow(RocksStorage storage, String endpointId, String path, String indexKey,
      Object value) {
    RocksChangeSet changes = (RocksChangeSet) storage.begin();
    changes.put(ColumnFamily.INVENTORY_FACTS, InventoryKeys.fact(endpointId, indexKey, path),
        FactValues.encode(value));
    storage.commit(changes);
  }

  /** The stored bytes of audit entry {@code sequence}, or null. */
  public static byte[] auditEntry(RocksStorage storage, long sequence) {
    return storage.get(ColumnFamily.AUDIT, RocksAuditStore.key(sequence));
  }

  /** Overwrites the stored bytes of audit entry {@code sequence}, bypassing the log. */
  public static void putAuditEntry(RocksStorage storage, long sequence, byte[] value) {
    RocksChangeSet changes = (RocksChangeSet) storage.begin();
    changes.put(ColumnFamily.AUDIT, RocksAuditStore.key(sequence), value);
    storage.commit(changes);
  }

  /** Deletes audit entry {@code sequence} (and nothing else), bypassing the log. */
  public static void deleteAuditEntry(RocksStorage storage, long sequence) {
    RocksChangeSet changes = (RocksChangeSet) storage.begin();
    changes.delete(ColumnFamily.AUDIT, RocksAuditStore.key(sequence));
    storage.commit(changes);
  }
}
