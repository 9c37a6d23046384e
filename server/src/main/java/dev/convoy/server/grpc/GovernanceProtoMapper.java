package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.Acknowledgement;
import dev.convoy.protocol.v1.Approval;
import dev.convoy.protocol.v1.ApprovalVoid;
import dev.convoy.protocol.v1.CampaignGovernance;
import dev.convoy.protocol.v1.ConsultedWaiver;
import dev.convoy.protocol.v1.NoticeOverride;
import dev.convoy.protocol.v1.RaciResponse;
import dev.convoy.protocol.v1.RaciSubject;
import dev.convoy.protocol.v1.ReadinessItem;
import dev.convoy.protocol.v1.ReleaseReadiness;
import dev.convoy.server.governance.GovernanceView;
import dev.convoy.server.governance.Raci;
import dev.convoy.server.governance.Readiness;
import dev.convoy.server.governance.Signature;
import java.util.Optional;

/** Governance values between the domain and the protocol. Stateless. */
final class GovernanceProtoMapper {
  private GovernanceProtoMapper() {}

  static RaciResponse raci(RaciSubject subject, Optional<Raci> raci) {
    RaciResponse.Builder b = RaciResponse.newBuilder().setSubject(subject).setHasRaci(raci.isPresent());
    raci.ifPresent(r -> b.setRaci(raci(r)));
    return b.build();
  }

  static dev.convoy.protocol.v1.Raci raci(Raci r) {
    return dev.convoy.protocol.v1.Raci.newBuilder().setResponsible(r.responsible()).setAccountable(r.accountable())
        .addAllConsulted(r.consulted()).addAllInformed(r.informed()).setSetBy(r.setBy())
        .setSetAt(ProtoMapper.timestamp(r.setAt())).setInheritedFrom(r.inheritedFrom()).build();
  }

  static CampaignGovernance governance(GovernanceView v) {
    var g = v.governance();
    CampaignGovernance.Builder b = CampaignGovernance.newBuilder().setCampaignId(v.campaign().id())
        .setPilot(g.pilot()).setHasRaci(g.raci() != null).setContentHash(v.contentHash())
        .addAllBlockers(v.blockers()).setGated(v.gated());
    if (g.raci() != null) {
      b.setRaci(raci(g.raci()));
    }
    if (g.approval() != null) {
      Signature a = g.approval();
      b.setApproval(Approval.newBuilder().setBy(a.person()).setAt(ProtoMapper.timestamp(a.at()))
          .setContentHash(a.contentHash()).setComment(a.comment()));
    }
    g.acknowledgements().forEach(a -> b.addAcknowledgements(Acknowledgement.newBuilder().setPerson(a.person())
        .setAt(ProtoMapper.timestamp(a.at())).setComment(a.comment()).setContentHash(a.contentHash())));
    g.consultedWaivers().forEach(w -> b.addConsultedWaivers(ConsultedWaiver.newBuilder().setPerson(w.subject())
        .setBy(w.person()).setAt(ProtoMapper.timestamp(w.at())).setComment(w.comment())
        .setContentHash(w.contentHash())));
    if (g.noticeOverride() != null) {
      Signature o = g.noticeOverride();
      b.setNoticeOverride(NoticeOverride.newBuilder().setBy(o.person()).setAt(ProtoMapper.timestamp(o.at()))
          .setJustification(o.comment()).setContentHash(o.contentHash()));
    }
    g.voids().forEach(x -> b.addVoids(ApprovalVoid.newBuilder().setAt(ProtoMapper.timestamp(x.at()))
        .setBy(x.by()).setReason(x.reason()).setWasApprovedBy(x.wasApprovedBy())));
    return b.build();
  }

  static ReleaseReadiness readiness(Readiness r, boolean enforced) {
    String[] ref = r.releaseRef().split("@", 2);
    ReleaseReadiness.Builder b = ReleaseReadiness.newBuilder().setReleaseName(ref[0]).setReleaseVersion(ref[1])
        .setReady(r.ready()).setEnforced(enforced);
    for (var item : dev.convoy.server.governance.ReadinessItem.values()) {
      ReadinessItem.Builder i = ReadinessItem.newBuilder().setItem(item.key()).setLabel(item.label())
          .setPresent(r.present().contains(item));
      r.waiver(item).ifPresent(w -> i.setWaived(true).setWaivedBy(w.by()).setWaivedAt(ProtoMapper.timestamp(w.at()))
          .setComment(w.comment()));
      b.addItems(i);
    }
    r.missing().forEach(m -> b.addMissing(m.label()));
    return b.build();
  }
}
