package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AcknowledgeCampaignRequest;
import dev.convoy.protocol.v1.ApproveCampaignRequest;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignGovernance;
import dev.convoy.protocol.v1.GetCampaignGovernanceRequest;
import dev.convoy.protocol.v1.GetRaciRequest;
import dev.convoy.protocol.v1.GetReleaseReadinessRequest;
import dev.convoy.protocol.v1.OverrideNoticeRequest;
import dev.convoy.protocol.v1.RaciResponse;
import dev.convoy.protocol.v1.RaciSubject;
import dev.convoy.protocol.v1.ReleaseReadiness;
import dev.convoy.protocol.v1.SetRaciRequest;
import dev.convoy.protocol.v1.UpdateCampaignRequest;
import dev.convoy.protocol.v1.WaiveReadinessRequest;
import dev.convoy.server.campaign.CampaignEdit;
import dev.convoy.server.campaign.CampaignEngine;
import dev.convoy.server.campaign.Targets;
import dev.convoy.server.campaign.plan.DeferralPolicy;
import dev.convoy.server.campaign.plan.NoticeSpec;
import dev.convoy.server.campaign.plan.WindowSpec;
import dev.convoy.server.catalogue.ReleaseHeader;
import dev.convoy.server.catalogue.SemVer;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.governance.Caller;
import dev.convoy.server.governance.GovernanceService;
import dev.convoy.server.governance.Raci;
import dev.convoy.server.governance.RaciService;
import java.util.Optional;

/**
 * The RACI, approval, readiness and campaign-edit calls of AdminService: validation, domain call, mapping. The
 * permission each needs is in {@link MethodPermissions}; who the RACI names is checked by the domain. Thread-safe.
 */
final class GovernanceRaciCalls {
  private final GovernanceService governance;
  private final CampaignEngine campaigns;

  GovernanceRaciCalls(GovernanceService governance, CampaignEngine campaigns) {
    this.governance = governance;
    this.campaigns = campaigns;
  }

  RaciResponse setRaci(SetRaciRequest r) {
    RaciService.Input input = new RaciService.Input(r.getResponsible(), r.getAccountable(), r.getConsultedList(),
        r.getInformedList());
    RaciSubject subject = r.getSubject();
    Raci raci = switch (subject.getKindCase()) {
      case CAMPAIGN_ID -> governance.raci().setOnCampaign(AdminGrpcService.campaignId(subject.getCampaignId()),
          input, caller(), r.getComment());
      case RELEASE -> governance.raci().setOnRelease(releaseName(subject.getRelease().getName()),
          releaseVersion(subject.getRelease().getVersion()), input, caller(), r.getComment());
      case KIND_NOT_SET -> throw missingSubject();
    };
    return GovernanceProtoMapper.raci(subject, Optional.of(raci));
  }

  RaciResponse getRaci(GetRaciRequest r) {
    RaciSubject subject = r.getSubject();
    Optional<Raci> raci = switch (subject.getKindCase()) {
      case CAMPAIGN_ID -> governance.raci().ofCampaign(AdminGrpcService.campaignId(subject.getCampaignId()));
      case RELEASE -> governance.raci().ofRelease(releaseName(subject.getRelease().getName()),
          releaseVersion(subject.getRelease().getVersion()));
      case KIND_NOT_SET -> throw missingSubject();
    };
    return GovernanceProtoMapper.raci(subject, raci);
  }

  CampaignGovernance approve(ApproveCampaignRequest r) {
    String id = AdminGrpcService.campaignId(r.getCampaignId());
    governance.approvals().approve(id, r.getComment(), r.getWaiveConsultedList(), caller());
    return view(id);
  }

  CampaignGovernance acknowledge(AcknowledgeCampaignRequest r) {
    String id = AdminGrpcService.campaignId(r.getCampaignId());
    governance.approvals().acknowledge(id, r.getComment(), caller());
    return view(id);
  }

  CampaignGovernance overrideNotice(OverrideNoticeRequest r) {
    String id = AdminGrpcService.campaignId(r.getCampaignId());
    governance.approvals().overrideNotice(id, r.getJustification(), caller());
    return view(id);
  }

  CampaignGovernance get(GetCampaignGovernanceRequest r) {
    return view(AdminGrpcService.campaignId(r.getCampaignId()));
  }

  ReleaseReadiness readiness(GetReleaseReadinessRequest r) {
    return GovernanceProtoMapper.readiness(governance.readiness().readiness(releaseName(r.getReleaseName()),
        releaseVersion(r.getReleaseVersion())), governance.readiness().enforced());
  }

  ReleaseReadiness waive(WaiveReadinessRequest r) {
    return GovernanceProtoMapper.readiness(governance.readiness().waive(releaseName(r.getReleaseName()),
        releaseVersion(r.getReleaseVersion()), r.getMissingList(), r.getComment(), caller()),
        governance.readiness().enforced());
  }

  dev.convoy.server.campaign.Campaign update(UpdateCampaignRequest r) {
    String id = AdminGrpcService.campaignId(r.getCampaignId());
    if (r.hasStartAt() && r.getClearStartAt()) {
      throw ConvoyException.invalidArgument("start_at, clear_start_at: both set (expected: one of them)");
    }
    Targets targets = r.hasTargets() ? new Targets(r.getTargets().getAll(), r.getTargets().getGroupsList(),
        r.getTargets().getEndpointIdsList(), r.getTargets().getExcludeGroupsList(),
        r.getTargets().getExcludeEndpointIdsList()) : null;
    CampaignEdit edit = new CampaignEdit(targets, r.hasStartAt() || r.getClearStartAt(),
        r.hasStartAt() ? ProtoMapper.instantOrNull(r.getStartAt()) : null,
        r.getReplaceWindows() ? r.getWindowsList().stream().map(w -> new WindowSpec(w.getRrule(), w.getCron(),
            CampaignPlanMapper.duration(w.getDuration()), w.getZone())).toList() : null,
        r.getReplaceWaves() ? CampaignPlanMapper.waves(r.getWavesList()) : null,
        r.hasNotice() ? new NoticeSpec(r.getNotice().getTitle(), r.getNotice().getMessage(),
            CampaignPlanMapper.duration(r.getNotice().getLeadTime())) : null,
        r.hasDeferral() ? new DeferralPolicy(r.getDeferral().getMaxCount(),
            CampaignPlanMapper.duration(r.getDeferral().getMaxTotal())) : null,
        Require.optionalText("comment", r.getComment(), GovernanceAdminCalls.MAX_COMMENT));
    return campaigns.updates().update(id, edit, Principal.current().subject());
  }

  /** {@code campaign} as mapped, with its pilot flag and approval state. */
  Campaign decorate(Campaign mapped, dev.convoy.server.campaign.Campaign campaign) {
    try {
      var view = governance.view(campaign);
      return mapped.toBuilder().setPilot(view.governance().pilot()).setApprovalState(view.approvalState()).build();
    } catch (ConvoyException e) {
      return mapped; // its release is gone: nothing to say about its approval
    }
  }

  private CampaignGovernance view(String campaignId) {
    return GovernanceProtoMapper.governance(governance.view(campaignId));
  }

  private static Caller caller() {
    Principal p = Principal.current();
    return new Caller(p.name(), p.subject());
  }

  private static String releaseName(String name) {
    return Require.matches("release.name", name, ReleaseHeader.NAME, "[a-z0-9][a-z0-9+._-]{0,63}");
  }

  private static String releaseVersion(String version) {
    SemVer.parse("release.version", version);
    return version;
  }

  private static ConvoyException missingSubject() {
    return ConvoyException.invalidArgument("subject: missing (expected: a campaign id or a release name@version)");
  }

  /**
   * A person who does not run campaigns (an approver) may give a go only where the campaign's RACI names them its
   * Accountable; whoever gives it, the engine then checks that a RACI's go is its Accountable's.
   *
   * @throws dev.convoy.server.error.ConvoyException PERMISSION_DENIED otherwise
   */
  void requireMayAdvance(String campaignId, Principal caller) {
    if (caller.roles().stream().anyMatch(r -> r.grants(dev.convoy.server.people.Permission.RUN_CAMPAIGNS))) {
      return;
    }
    String accountable = governance.of(campaignId).map(dev.convoy.server.governance.Raci::accountable).orElse("");
    if (!accountable.equals(caller.name())) {
      throw dev.convoy.server.error.ConvoyException.permissionDenied("advance: person " + caller.name()
          + " may give the go of campaign " + campaignId + " only as its Accountable ("
          + (accountable.isEmpty() ? "it has no RACI" : "the Accountable is " + accountable)
          + "); otherwise the permission run-campaigns is needed");
    }
  }
}
