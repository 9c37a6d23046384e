package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.rocksdb.v1.DeploymentRecord;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Brings a database written by an older server to the current {@link RocksStorage#SCHEMA_VERSION}, once, at open,
 * before anything else reads it. Each step is one synced batch that also records the new version, so a crash in the
 * middle leaves the old version and the step simply runs again. Stateless.
 */
final class SchemaUpgrade {
  private SchemaUpgrade() {}

  static void upgrade(RocksDB db, Map<ColumnFamily, ColumnFamilyHandle> handles, WriteOptions sync, long from,
      long to, byte[] schemaKey) throws RocksDBException {
    for (long version = from; version < to; version++) {
      try (WriteBatch batch = new WriteBatch()) {
        if (version == 1) {
          indexDeploymentsByCampaignAndEndpoint(db, handles.get(ColumnFamily.DEPLOYMENTS), batch);
        }
        // New column families (inventory, groups, publisher keys) need no step: they are created empty on open.
        batch.put(handles.get(ColumnFamily.DEFAULT), schemaKey, Keys.counter(version + 1));
        db.write(sync, batch);
      }
    }
  }

  /** 1 → 2: the {@code e/<campaign id>/<endpoint id>} index that makes "does this endpoint have one?" one read. */
  private static void indexDeploymentsByCampaignAndEndpoint(RocksDB db, ColumnFamilyHandle deployments,
      WriteBatch batch) throws RocksDBException {
    byte[] prefix = Keys.prefix("d");
    try (RocksIterator it = db.newIterator(deployments)) {
      for (it.seek(prefix); it.isValid() && RocksStorage.startsWith(it.key(), prefix); it.next()) {
        DeploymentRecord record;
        try {
          record = DeploymentRecord.parseFrom(it.value());
        } catch (InvalidProtocolBufferException e) {
          throw ConvoyException.internal("corrupt deployment record " + Keys.text(it.key()), e);
        }
        batch.put(deployments, RocksDeploymentStore.campaignEndpointKey(record.getCampaignId(),
            record.getEndpointId()), Keys.of(record.getDeploymentId()));
      }
    }
  }
}
