package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.governance.ApprovalVoid;
import dev.convoy.server.governance.CampaignGovernance;
import dev.convoy.server.governance.GovernanceStore;
import dev.convoy.server.governance.Raci;
import dev.convoy.server.governance.ReadinessItem;
import dev.convoy.server.governance.ReadinessWaiver;
import dev.convoy.server.governance.ReleaseGovernance;
import dev.convoy.server.governance.Signature;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.CampaignGovernanceRecord;
import dev.convoy.server.storage.rocksdb.v1.RaciRecord;
import dev.convoy.server.storage.rocksdb.v1.ReadinessWaiverRecord;
import dev.convoy.server.storage.rocksdb.v1.ReleaseGovernanceRecord;
import dev.convoy.server.storage.rocksdb.v1.SignatureRecord;
import dev.convoy.server.storage.rocksdb.v1.VoidRecord;
import java.util.Optional;

/** Governance records in {@link ColumnFamily#GOVERNANCE}: {@code c/<campaign id>}, {@code r/<name>/<version>}. */
public final class RocksGovernanceStore implements GovernanceStore {
  private final RocksStorage storage;

  public RocksGovernanceStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<CampaignGovernance> campaign(String campaignId) {
    return Optional.ofNullable(storage.get(ColumnFamily.GOVERNANCE, Keys.of("c", campaignId)))
        .map(RocksGovernanceStore::decodeCampaign);
  }

  @Override
  public void put(ChangeSet changes, CampaignGovernance g) {
    CampaignGovernanceRecord.Builder b = CampaignGovernanceRecord.newBuilder().setCampaignId(g.campaignId())
        .setPilot(g.pilot()).setHeldReason(g.heldReason());
    if (g.raci() != null) {
      b.setRaci(raci(g.raci()));
    }
    if (g.approval() != null) {
      b.setApproval(signature(g.approval()));
    }
    g.acknowledgements().forEach(a -> b.addAcknowledgements(signature(a)));
    g.consultedWaivers().forEach(w -> b.addConsultedWaivers(signature(w)));
    if (g.noticeOverride() != null) {
      b.setNoticeOverride(signature(g.noticeOverride()));
    }
    g.voids().forEach(v -> b.addVoids(VoidRecord.newBuilder().setAt(Keys.timestamp(v.at())).setBy(v.by())
        .setReason(v.reason()).setWasApprovedBy(v.wasApprovedBy())));
    ((RocksChangeSet) changes).put(ColumnFamily.GOVERNANCE, Keys.of("c", g.campaignId()), b.build().toByteArray());
  }

  @Override
  public Optional<ReleaseGovernance> release(String name, String version) {
    return Optional.ofNullable(storage.get(ColumnFamily.GOVERNANCE, Keys.of("r", name, version)))
        .map(RocksGovernanceStore::decodeRelease);
  }

  @Override
  public void put(ChangeSet changes, String name, String version, ReleaseGovernance g) {
    ReleaseGovernanceRecord.Builder b = ReleaseGovernanceRecord.newBuilder();
    if (g.raci() != null) {
      b.setRaci(raci(g.raci()));
    }
    g.waivers().forEach(w -> b.addWaivers(ReadinessWaiverRecord.newBuilder().setItem(w.item().key())
        .setBy(w.by()).setAt(Keys.timestamp(w.at())).setComment(w.comment())));
    ((RocksChangeSet) changes).put(ColumnFamily.GOVERNANCE, Keys.of("r", name, version), b.build().toByteArray());
  }

  private static CampaignGovernance decodeCampaign(byte[] bytes) {
    try {
      CampaignGovernanceRecord r = CampaignGovernanceRecord.parseFrom(bytes);
      return new CampaignGovernance(r.getCampaignId(), r.getPilot(), r.hasRaci() ? raci(r.getRaci()) : null,
          r.hasApproval() ? signature(r.getApproval()) : null,
          r.getAcknowledgementsList().stream().map(RocksGovernanceStore::signature).toList(),
          r.getConsultedWaiversList().stream().map(RocksGovernanceStore::signature).toList(),
          r.hasNoticeOverride() ? signature(r.getNoticeOverride()) : null,
          r.getVoidsList().stream().map(v -> new ApprovalVoid(Keys.instant(v.getAt()), v.getBy(), v.getReason(),
              v.getWasApprovedBy())).toList(), r.getHeldReason());
    } catch (InvalidProtocolBufferException e) {
      throw ConvoyException.internal("corrupt campaign governance record", e);
    }
  }

  private static ReleaseGovernance decodeRelease(byte[] bytes) {
    try {
      ReleaseGovernanceRecord r = ReleaseGovernanceRecord.parseFrom(bytes);
      return new ReleaseGovernance(r.hasRaci() ? raci(r.getRaci()) : null, r.getWaiversList().stream()
          .flatMap(w -> ReadinessItem.fromKey(w.getItem()).stream().map(item -> new ReadinessWaiver(item,
              w.getBy(), Keys.instant(w.getAt()), w.getComment()))).toList());
    } catch (InvalidProtocolBufferException e) {
      throw ConvoyException.internal("corrupt release governance record", e);
    }
  }

  private static RaciRecord raci(Raci r) {
    return RaciRecord.newBuilder().setResponsible(r.responsible()).setAccountable(r.accountable())
        .addAllConsulted(r.consulted()).addAllInformed(r.informed()).setSetBy(r.setBy())
        .setSetAt(Keys.timestamp(r.setAt())).setInheritedFrom(r.inheritedFrom()).build();
  }

  private static Raci raci(RaciRecord r) {
    return new Raci(r.getResponsible(), r.getAccountable(), r.getConsultedList(), r.getInformedList(),
        r.getSetBy(), Keys.instant(r.getSetAt()), r.getInheritedFrom());
  }

  private static SignatureRecord signature(Signature s) {
    return SignatureRecord.newBuilder().setPerson(s.person()).setSubject(s.subject()).setAt(Keys.timestamp(s.at()))
        .setComment(s.comment()).setContentHash(s.contentHash()).build();
  }

  private static Signature signature(SignatureRecord r) {
    return new Signature(r.getPerson(), r.getSubject(), Keys.instant(r.getAt()), r.getComment(),
        r.getContentHash());
  }
}
