package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.campaign.WaveProgress;
import dev.convoy.server.campaign.WaveState;
import dev.convoy.server.campaign.plan.WaveSpec;
import dev.convoy.server.storage.rocksdb.v1.CampaignRecord;
import dev.convoy.server.storage.rocksdb.v1.DeploymentRecord;
import dev.convoy.server.storage.rocksdb.v1.WaveProgressRecord;
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
        if (version == 2) {
          giveStartedCampaignsOneWave(db, handles, batch);
        }
        // New column families (inventory, groups, publisher keys, timers) need no step: they are created empty.
        batch.put(handles.get(ColumnFamily.DEFAULT), schemaKey, Keys.counter(version + 1));
        db.write(sync, batch);
      }
    }
  }

  /**
   * 2 → 3: campaigns started before waves existed become one big-bang wave (OPEN while running, PASSED once over)
   * and every deployment is counted in that wave's counters, so the gates and completion read what they expect.
   */
  private static void giveStartedCampaignsOneWave(RocksDB db, Map<ColumnFamily, ColumnFamilyHandle> handles,
      WriteBatch batch) throws RocksDBException {
    try (RocksIterator it = db.newIterator(handles.get(ColumnFamily.CAMPAIGNS))) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        CampaignRecord record;
        try {
          record = CampaignRecord.parseFrom(it.value());
        } catch (InvalidProtocolBufferException e) {
          throw ConvoyException.internal("corrupt campaign record " + Keys.text(it.key()), e);
        }
        if (record.getWavesCount() > 0 || !record.hasStartedAt()) {
          continue;
        }
        boolean running = record.getState().equals("RUNNING") || record.getState().equals("PAUSED");
        WaveProgressRecord wave = CampaignRecords.progress(new WaveProgress(0, WaveSpec.bigBang(),
            running ? WaveState.OPEN : WaveState.PASSED, record.getDeploymentCount(),
            Keys.instant(record.getStartedAt()), null, null, false));
        batch.put(handles.get(ColumnFamily.CAMPAIGNS), it.key(), record.toBuilder().addWaves(wave).build()
            .toByteArray());
      }
    }
    byte[] prefix = Keys.prefix("d");
    try (RocksIterator it = db.newIterator(handles.get(ColumnFamily.DEPLOYMENTS))) {
      for (it.seek(prefix); it.isValid() && RocksStorage.startsWith(it.key(), prefix); it.next()) {
        DeploymentRecord record;
        try {
          record = DeploymentRecord.parseFrom(it.value());
        } catch (InvalidProtocolBufferException e) {
          throw ConvoyException.internal("corrupt deployment record " + Keys.text(it.key()), e);
        }
        batch.merge(handles.get(ColumnFamily.COUNTERS), Keys.of("wave", record.getCampaignId(), "0",
            record.getState()), Keys.counter(1));
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
