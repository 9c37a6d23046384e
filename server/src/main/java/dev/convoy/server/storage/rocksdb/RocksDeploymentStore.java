package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.campaign.Deployment;
import dev.convoy.server.campaign.DeploymentState;
import dev.convoy.server.campaign.DeploymentStore;
import dev.convoy.server.campaign.StateChange;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.DeploymentRecord;
import dev.convoy.server.storage.rocksdb.v1.StateChangeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deployments in {@link ColumnFamily#DEPLOYMENTS}: the record under {@code d/<id>}, and index entries kept in the
 * same change set: {@code c/<campaign id>/<id>} always, {@code e/<campaign id>/<endpoint id>} → id always (one
 * deployment per campaign and endpoint), {@code a/<endpoint id>/<id>} while not terminal (so the desired state of an
 * endpoint is one prefix scan over its active deployments only).
 */
public final class RocksDeploymentStore implements DeploymentStore {
  private final RocksStorage storage;

  public RocksDeploymentStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<Deployment> find(String deploymentId) {
    return Optional.ofNullable(storage.get(ColumnFamily.DEPLOYMENTS, Keys.of("d", deploymentId)))
        .map(RocksDeploymentStore::decode);
  }

  @Override
  public List<Deployment> listByCampaign(String campaignId) {
    return byIndex(Keys.prefix("c", campaignId));
  }

  @Override
  public Optional<Deployment> findByCampaignAndEndpoint(String campaignId, String endpointId) {
    return Optional.ofNullable(storage.get(ColumnFamily.DEPLOYMENTS, campaignEndpointKey(campaignId, endpointId)))
        .flatMap(id -> find(Keys.text(id)));
  }

  static byte[] campaignEndpointKey(String campaignId, String endpointId) {
    return Keys.of("e", campaignId, endpointId);
  }

  @Override
  public List<Deployment> listActive(String endpointId) {
    return byIndex(Keys.prefix("a", endpointId));
  }

  private List<Deployment> byIndex(byte[] prefix) {
    List<Deployment> result = new ArrayList<>();
    for (var entry : storage.scan(ColumnFamily.DEPLOYMENTS, prefix)) {
      find(Keys.lastPart(entry.getKey())).ifPresent(result::add);
    }
    return result;
  }

  @Override
  public void put(ChangeSet changes, Deployment d) {
    RocksChangeSet rocks = (RocksChangeSet) changes;
    rocks.put(ColumnFamily.DEPLOYMENTS, Keys.of("d", d.id()), encode(d).toByteArray());
    rocks.put(ColumnFamily.DEPLOYMENTS, Keys.of("c", d.campaignId(), d.id()), Keys.EMPTY);
    rocks.put(ColumnFamily.DEPLOYMENTS, campaignEndpointKey(d.campaignId(), d.endpointId()), Keys.of(d.id()));
    byte[] active = Keys.of("a", d.endpointId(), d.id());
    if (d.state().isTerminal()) {
      rocks.delete(ColumnFamily.DEPLOYMENTS, active);
    } else {
      rocks.put(ColumnFamily.DEPLOYMENTS, active, Keys.EMPTY);
    }
  }

  private static DeploymentRecord encode(Deployment d) {
    DeploymentRecord.Builder b = DeploymentRecord.newBuilder()
        .setDeploymentId(d.id()).setCampaignId(d.campaignId()).setEndpointId(d.endpointId())
        .setReleaseName(d.releaseName()).setReleaseVersion(d.releaseVersion()).setState(d.state().name())
        .setAttempt(d.attempt()).setLastSequence(d.lastSequence()).setDetail(d.detail()).setExitCode(d.exitCode())
        .setLogExcerpt(d.logExcerpt()).setCreatedAt(Keys.timestamp(d.createdAt()))
        .setUpdatedAt(Keys.timestamp(d.updatedAt())).setBytesDownloaded(d.bytesDownloaded())
        .setResumedFromOffset(d.resumedFromOffset()).setWave(d.wave()).setDeferralCount(d.deferralCount())
        .setDeferredTotal(Keys.duration(d.deferredTotal())).setTimedOut(d.timedOut());
    if (d.noticeDeliveredAt() != null) {
      b.setNoticeDeliveredAt(Keys.timestamp(d.noticeDeliveredAt()));
    }
    if (d.deferredUntil() != null) {
      b.setDeferredUntil(Keys.timestamp(d.deferredUntil()));
    }
    if (d.nextAttemptAt() != null) {
      b.setNextAttemptAt(Keys.timestamp(d.nextAttemptAt()));
    }
    if (d.technicianPresentAt() != null) {
      b.setTechnicianPresentAt(Keys.timestamp(d.technicianPresentAt()));
    }
    if (d.installStartedAt() != null) {
      b.setInstallStartedAt(Keys.timestamp(d.installStartedAt()));
    }
    if (d.timerAt() != null) {
      b.setTimerAt(Keys.timestamp(d.timerAt()));
    }
    for (StateChange c : d.history()) {
      b.addHistory(StateChangeRecord.newBuilder().setState(c.state().name()).setAttempt(c.attempt())
          .setAt(Keys.timestamp(c.at())).setDetail(c.detail()));
    }
    return b.build();
  }

  private static Deployment decode(byte[] bytes) {
    try {
      DeploymentRecord r = DeploymentRecord.parseFrom(bytes);
      return new Deployment(r.getDeploymentId(), r.getCampaignId(), r.getEndpointId(), r.getReleaseName(),
          r.getReleaseVersion(), DeploymentState.valueOf(r.getState()), r.getAttempt(), r.getLastSequence(),
          r.getDetail(), r.getExitCode(), r.getLogExcerpt(), Keys.instant(r.getCreatedAt()),
          Keys.instant(r.getUpdatedAt()), r.getBytesDownloaded(), r.getResumedFromOffset(), r.getWave(),
          Keys.instantOrNull(r.hasNoticeDeliveredAt(), r.getNoticeDeliveredAt()),
          Keys.instantOrNull(r.hasDeferredUntil(), r.getDeferredUntil()), r.getDeferralCount(),
          Keys.duration(r.getDeferredTotal()), Keys.instantOrNull(r.hasNextAttemptAt(), r.getNextAttemptAt()),
          r.getTimedOut(), Keys.instantOrNull(r.hasTechnicianPresentAt(), r.getTechnicianPresentAt()),
          Keys.instantOrNull(r.hasInstallStartedAt(), r.getInstallStartedAt()),
          Keys.instantOrNull(r.hasTimerAt(), r.getTimerAt()),
          r.getHistoryList().stream().map(h -> new StateChange(DeploymentState.valueOf(h.getState()), h.getAttempt(),
              Keys.instant(h.getAt()), h.getDetail())).toList());
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw ConvoyException.internal("corrupt deployment record: " + e.getMessage(), e);
    }
  }
}
