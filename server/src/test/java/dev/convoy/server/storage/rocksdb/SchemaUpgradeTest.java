package dev.convoy.server.storage.rocksdb;

import static dev.convoy.server.testing.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.campaign.Deployment;
import dev.convoy.server.campaign.DeploymentState;
import dev.convoy.server.error.ErrorCode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by an older server is upgraded on open; one written by a newer server is refused. */
class SchemaUpgradeTest {
  static final byte[] SCHEMA_KEY = Keys.of("schema_version");

  @TempDir Path dir;

  private static Deployment deployment(String id, String campaignId, String endpointId) {
    Instant at = Instant.parse("2026-11-01T00:00:00Z");
    return new Deployment(id, campaignId, endpointId, "hello", "1.0.0", DeploymentState.SUCCEEDED, 1, 3, "", 0, "",
        at, at, 0, 0, 0, null, null, 0, java.time.Duration.ZERO, null, false, null, null, null, java.util.List.of());
  }

  @Test
  void open_version1Database_backfillsTheCampaignEndpointIndexAndRecordsVersion2() {
    try (RocksStorage storage = RocksStorage.open(dir)) {
      RocksChangeSet changes = (RocksChangeSet) storage.begin();
      new RocksDeploymentStore(storage).put(changes, deployment("dep-1", "cmp-1", "ep-1"));
      new RocksDeploymentStore(storage).put(changes, deployment("dep-2", "cmp-1", "ep-2"));
      // what a version 1 server wrote: no e/ index entries
      changes.delete(ColumnFamily.DEPLOYMENTS, RocksDeploymentStore.campaignEndpointKey("cmp-1", "ep-1"));
      changes.delete(ColumnFamily.DEPLOYMENTS, RocksDeploymentStore.campaignEndpointKey("cmp-1", "ep-2"));
      changes.put(ColumnFamily.DEFAULT, SCHEMA_KEY, Keys.counter(1));
      storage.commit(changes);
      assertThat(new RocksDeploymentStore(storage).findByCampaignAndEndpoint("cmp-1", "ep-1")).isEmpty();
    }

    try (RocksStorage storage = RocksStorage.open(dir)) {
      RocksDeploymentStore deployments = new RocksDeploymentStore(storage);
      assertThat(deployments.findByCampaignAndEndpoint("cmp-1", "ep-1")).map(Deployment::id).contains("dep-1");
      assertThat(deployments.findByCampaignAndEndpoint("cmp-1", "ep-2")).map(Deployment::id).contains("dep-2");
      assertThat(deployments.findByCampaignAndEndpoint("cmp-1", "ep-3")).isEmpty();
      assertThat(Keys.counterValue(storage.get(ColumnFamily.DEFAULT, SCHEMA_KEY))).isEqualTo(2);
    }
  }

  @Test
  void open_databaseOfANewerServer_refused() {
    try (RocksStorage storage = RocksStorage.open(dir)) {
      RocksChangeSet changes = (RocksChangeSet) storage.begin();
      changes.put(ColumnFamily.DEFAULT, SCHEMA_KEY, Keys.counter(RocksStorage.SCHEMA_VERSION + 1));
      storage.commit(changes);
    }

    assertThat(assertCode(() -> RocksStorage.open(dir), ErrorCode.FAILED_PRECONDITION))
        .contains("has schema version 3 (expected: <= 2");
  }
}
