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
      assertThat(Keys.counterValue(storage.get(ColumnFamily.DEFAULT, SCHEMA_KEY))).isEqualTo(RocksStorage.SCHEMA_VERSION);
    }
  }

  @Test
  void open_version2Database_startedCampaignsGetOneWaveAndItsCounters() {
    Instant at = Instant.parse("2026-11-01T00:00:00Z");
    try (RocksStorage storage = RocksStorage.open(dir)) {
      RocksChangeSet changes = (RocksChangeSet) storage.begin();
      new RocksCampaignStore(storage).put(changes, new dev.convoy.server.campaign.Campaign("cmp-1", "old", "hello",
          "1.0.0", dev.convoy.server.campaign.Targets.everyEndpoint(), dev.convoy.server.campaign.CampaignState.RUNNING,
          dev.convoy.server.campaign.Delivery.PUSH, dev.convoy.server.campaign.Rollout.BIG_BANG,
          dev.convoy.server.campaign.Execution.AUTOMATIC, "admin", at, at, null, 2,
          dev.convoy.server.campaign.DeploymentAction.INSTALL, false, null, java.util.List.of(), "", ""));
      new RocksDeploymentStore(storage).put(changes, deployment("dep-1", "cmp-1", "ep-1"));
      Deployment pending = deployment("dep-2", "cmp-1", "ep-2").toBuilder()
          .state(DeploymentState.OFFERED, at, "").build();
      new RocksDeploymentStore(storage).put(changes, pending);
      changes.put(ColumnFamily.DEFAULT, SCHEMA_KEY, Keys.counter(2));
      storage.commit(changes);
    }

    try (RocksStorage storage = RocksStorage.open(dir)) {
      RocksCampaignStore campaigns = new RocksCampaignStore(storage);
      var campaign = campaigns.find("cmp-1").orElseThrow();
      assertThat(campaign.waves()).hasSize(1);
      assertThat(campaign.wave(0).state()).isEqualTo(dev.convoy.server.campaign.WaveState.OPEN);
      assertThat(campaign.wave(0).size()).isEqualTo(2);
      assertThat(campaigns.waveCounts("cmp-1")).isEqualTo(java.util.Map.of(0, java.util.Map.of(
          DeploymentState.SUCCEEDED, 1L, DeploymentState.OFFERED, 1L)));
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
        .contains("has schema version " + (RocksStorage.SCHEMA_VERSION + 1) + " (expected: <= "
            + RocksStorage.SCHEMA_VERSION);
  }
}
