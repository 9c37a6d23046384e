package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignState;
import dev.convoy.server.campaign.CampaignStore;
import dev.convoy.server.campaign.Delivery;
import dev.convoy.server.campaign.DeploymentAction;
import dev.convoy.server.campaign.DeploymentState;
import dev.convoy.server.campaign.Execution;
import dev.convoy.server.campaign.Rollout;
import dev.convoy.server.campaign.Targets;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.CampaignRecord;
import java.util.EnumMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns in {@link ColumnFamily#CAMPAIGNS}, keyed by id; their per-state deployment counts as counters
 * {@code campaign/<id>/<STATE>} and per wave {@code wave/<id>/<index>/<STATE>} in {@link ColumnFamily#COUNTERS}.
 */
public final class RocksCampaignStore implements CampaignStore {
  /** Campaigns in use at once are few; each is read by every report and Sync of its endpoints. */
  private static final int CACHED_CAMPAIGNS = 1_024;
  private final RocksStorage storage;
  private final DecodedCache<Campaign> decoded = new DecodedCache<>(CACHED_CAMPAIGNS, RocksCampaignStore::decode);

  public RocksCampaignStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<Campaign> find(String campaignId) {
    return Optional.ofNullable(storage.get(ColumnFamily.CAMPAIGNS, Keys.of(campaignId)))
        .map(bytes -> decoded.decode(campaignId, bytes));
  }

  @Override
  public List<Campaign> list() {
    return storage.scan(ColumnFamily.CAMPAIGNS, Keys.EMPTY).stream().map(e -> decode(e.getValue())).toList();
  }

  @Override
  public void put(ChangeSet changes, Campaign c) {
    ((RocksChangeSet) changes).put(ColumnFamily.CAMPAIGNS, Keys.of(c.id()), encode(c).toByteArray());
  }

  @Override
  public Map<DeploymentState, Long> counts(String campaignId) {
    Map<DeploymentState, Long> counts = new EnumMap<>(DeploymentState.class);
    for (var entry : storage.scan(ColumnFamily.COUNTERS, Keys.prefix("campaign", campaignId))) {
      String state = Keys.lastPart(entry.getKey());
      try {
        counts.put(DeploymentState.valueOf(state), Keys.counterValue(entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw ConvoyException.internal("unknown deployment state in counter " + Keys.text(entry.getKey()), e);
      }
    }
    return counts;
  }

  @Override
  public void addToCount(ChangeSet changes, String campaignId, DeploymentState state, long delta) {
    ((RocksChangeSet) changes).addToCounter(Keys.of("campaign", campaignId, state.name()), delta);
  }

  @Override
  public Map<Integer, Map<DeploymentState, Long>> waveCounts(String campaignId) {
    Map<Integer, Map<DeploymentState, Long>> counts = new TreeMap<>();
    for (var entry : storage.scan(ColumnFamily.COUNTERS, Keys.prefix("wave", campaignId))) {
      String[] parts = Keys.text(entry.getKey()).split("/");
      try {
        counts.computeIfAbsent(Integer.parseInt(parts[2]), k -> new EnumMap<>(DeploymentState.class))
            .put(DeploymentState.valueOf(parts[3]), Keys.counterValue(entry.getValue()));
      } catch (RuntimeException e) {
        throw ConvoyException.internal("malformed wave counter " + Keys.text(entry.getKey()), e);
      }
    }
    return counts;
  }

  @Override
  public void addToWaveCount(ChangeSet changes, String campaignId, int wave, DeploymentState state, long delta) {
    addToCount(changes, campaignId, state, delta);
    ((RocksChangeSet) changes).addToCounter(Keys.of("wave", campaignId, Integer.toString(wave), state.name()), delta);
  }

  private static CampaignRecord encode(Campaign c) {
    CampaignRecord.Builder b = CampaignRecord.newBuilder()
        .setCampaignId(c.id()).setTitle(c.title()).setReleaseName(c.releaseName())
        .setReleaseVersion(c.releaseVersion())
        .setTargets(CampaignRecords.targets(c.targets()))
        .setState(c.state().name()).setDelivery(c.delivery().name()).setRollout(c.rollout().name())
        .setExecution(c.execution().name()).setCreatedBy(c.createdBy()).setCreatedAt(Keys.timestamp(c.createdAt()))
        .setDeploymentCount(c.deploymentCount()).setAction(c.action().name())
        .setAllowDowngrade(c.allowDowngrade()).setPlan(CampaignRecords.plan(c.plan()))
        .setStateReason(c.stateReason()).setRollbackOf(c.rollbackOf());
    c.waves().forEach(w -> b.addWaves(CampaignRecords.progress(w)));
    if (c.startedAt() != null) {
      b.setStartedAt(Keys.timestamp(c.startedAt()));
    }
    if (c.finishedAt() != null) {
      b.setFinishedAt(Keys.timestamp(c.finishedAt()));
    }
    return b.build();
  }

  private static Campaign decode(byte[] bytes) {
    try {
      CampaignRecord r = CampaignRecord.parseFrom(bytes);
      Targets targets = CampaignRecords.targets(r.getTargets());
      return new Campaign(r.getCampaignId(), r.getTitle(), r.getReleaseName(), r.getReleaseVersion(), targets,
          CampaignState.valueOf(r.getState()), Delivery.valueOf(r.getDelivery()), Rollout.valueOf(r.getRollout()),
          Execution.valueOf(r.getExecution()), r.getCreatedBy(), Keys.instant(r.getCreatedAt()),
          r.hasStartedAt() ? Keys.instant(r.getStartedAt()) : null,
          r.hasFinishedAt() ? Keys.instant(r.getFinishedAt()) : null, r.getDeploymentCount(),
          r.getAction().isEmpty() ? DeploymentAction.INSTALL : DeploymentAction.valueOf(r.getAction()),
          r.getAllowDowngrade(), CampaignRecords.plan(r.hasPlan(), r.getPlan()),
          r.getWavesList().stream().map(CampaignRecords::progress).toList(), r.getStateReason(), r.getRollbackOf());
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw ConvoyException.internal("corrupt campaign record: " + e.getMessage(), e);
    }
  }
}
