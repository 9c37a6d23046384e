package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.SignOffRecord;
import dev.convoy.server.storage.rocksdb.v1.TechnicianClaimRecord;
import dev.convoy.server.storage.rocksdb.v1.TechnicianJobRecord;
import dev.convoy.server.storage.rocksdb.v1.WalkedStepRecord;
import dev.convoy.server.technician.TechnicianJob;
import dev.convoy.server.technician.TechnicianJobStore;
import java.time.Instant;
import java.util.Optional;

/** Technician jobs in {@link ColumnFamily#TECHNICIAN_JOBS}, keyed by job (deployment) id. Thread-safe. */
public final class RocksTechnicianJobStore implements TechnicianJobStore {
  private final RocksStorage storage;

  public RocksTechnicianJobStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<TechnicianJob> find(String jobId) {
    return Optional.ofNullable(storage.get(ColumnFamily.TECHNICIAN_JOBS, Keys.of(jobId)))
        .map(RocksTechnicianJobStore::decode);
  }

  @Override
  public void put(ChangeSet changes, TechnicianJob job) {
    ((RocksChangeSet) changes).put(ColumnFamily.TECHNICIAN_JOBS, Keys.of(job.deploymentId()),
        encode(job).toByteArray());
  }

  static TechnicianJobRecord encode(TechnicianJob job) {
    TechnicianJobRecord.Builder b = TechnicianJobRecord.newBuilder().setDeploymentId(job.deploymentId())
        .setPresentBy(job.presentBy()).setInstallStep(job.installStep() + 1)
        .setPreviousVersion(job.previousVersion()).setRollbackCampaignId(job.rollbackCampaignId())
        .setUpdatedAt(Keys.timestamp(job.updatedAt()));
    TechnicianJob.Claim c = job.claim();
    if (c != null) {
      b.setClaim(TechnicianClaimRecord.newBuilder().setTechnician(c.technician())
          .setClaimedAt(Keys.timestamp(c.claimedAt())).setCodeId(c.codeId()).setCodeHash(c.codeHash())
          .setCodeExpiresAt(Keys.timestamp(c.codeExpiresAt())).setAttemptsLeft(c.attemptsLeft()));
    }
    if (job.presentAt() != null) {
      b.setPresentAt(Keys.timestamp(job.presentAt()));
    }
    for (TechnicianJob.WalkedStep s : job.steps()) {
      WalkedStepRecord.Builder step = WalkedStepRecord.newBuilder().setTitle(s.title()).setBody(s.body())
          .setOutcome(s.outcome().name()).setNote(s.note()).setBy(s.by());
      if (s.at() != null) {
        step.setAt(Keys.timestamp(s.at()));
      }
      b.addSteps(step);
    }
    if (job.installAllowedAt() != null) {
      b.setInstallAllowedAt(Keys.timestamp(job.installAllowedAt()));
    }
    TechnicianJob.SignOff s = job.signOff();
    if (s != null) {
      b.setSignOff(SignOffRecord.newBuilder().setVerdict(s.verdict().name()).setBy(s.by())
          .setAt(Keys.timestamp(s.at())).setNote(s.note()).setAgentState(s.agentState()).setExitCode(s.exitCode()));
    }
    return b.build();
  }

  static TechnicianJob decode(byte[] bytes) {
    try {
      TechnicianJobRecord r = TechnicianJobRecord.parseFrom(bytes);
      TechnicianJob.Claim claim = r.hasClaim() ? new TechnicianJob.Claim(r.getClaim().getTechnician(),
          Keys.instant(r.getClaim().getClaimedAt()), r.getClaim().getCodeId(), r.getClaim().getCodeHash(),
          Keys.instant(r.getClaim().getCodeExpiresAt()), r.getClaim().getAttemptsLeft()) : null;
      var steps = r.getStepsList().stream().map(s -> new TechnicianJob.WalkedStep(s.getTitle(), s.getBody(),
          TechnicianJob.StepOutcome.valueOf(s.getOutcome()), s.getNote(), s.getBy(),
          Keys.instantOrNull(s.hasAt(), s.getAt()))).toList();
      TechnicianJob.SignOff signOff = r.hasSignOff() ? new TechnicianJob.SignOff(
          TechnicianJob.Verdict.valueOf(r.getSignOff().getVerdict()), r.getSignOff().getBy(),
          Keys.instant(r.getSignOff().getAt()), r.getSignOff().getNote(), r.getSignOff().getAgentState(),
          r.getSignOff().getExitCode()) : null;
      Instant presentAt = Keys.instantOrNull(r.hasPresentAt(), r.getPresentAt());
      return new TechnicianJob(r.getDeploymentId(), claim, r.getPresentBy(), presentAt, steps,
          r.getInstallStep() - 1, Keys.instantOrNull(r.hasInstallAllowedAt(), r.getInstallAllowedAt()), signOff,
          r.getPreviousVersion(), r.getRollbackCampaignId(), Keys.instant(r.getUpdatedAt()));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw ConvoyException.internal("corrupt technician job record: " + e.getMessage(), e);
    }
  }
}
