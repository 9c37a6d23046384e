package dev.convoy.server.governance;

import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignEdit;
import dev.convoy.server.campaign.GovernanceGate;
import dev.convoy.server.campaign.WaveProgress;
import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.NoticeSpec;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Governance at the campaign engine's decision points ({@link GovernanceGate}): pilot size and readiness at
 * creation (and the release's RACI inherited), the production gate at the start, the Accountable's go between waves,
 * an edit voiding the approval, and the notice override at the install permit. Thread-safe.
 */
final class CampaignGovernor implements GovernanceGate {
  private static final Logger logger = LoggerFactory.getLogger(CampaignGovernor.class);

  private final GovernanceContext ctx;
  private final StartRules rules;
  private final RaciService raci;

  CampaignGovernor(GovernanceContext ctx, StartRules rules, RaciService raci) {
    this.ctx = ctx;
    this.rules = rules;
    this.raci = raci;
  }

  @Override
  public void created(ChangeSet changes, Campaign campaign, boolean pilot, int targetCount) {
    checkPilotSize(pilot, targetCount);
    CampaignGovernance fresh = CampaignGovernance.created(campaign.id(), pilot, null);
    if (rules.readinessEnforced(campaign, fresh)) {
      Readiness readiness = rules.readiness(ctx.release(campaign));
      if (!readiness.ready()) {
        throw ConvoyException.failedPrecondition(readiness.refusal());
      }
    }
    Raci inherited = ctx.store.release(campaign.releaseName(), campaign.releaseVersion())
        .flatMap(ReleaseGovernance::raciIfSet).map(r -> r.inheritedFrom(campaign.releaseRef())).orElse(null);
    if (inherited != null && ctx.isCreator(inherited.accountable(), campaign)) {
      if (StartRules.gated(campaign, fresh)) {
        raci.requireFourEyes(inherited, campaign); // throws, naming both
      }
      inherited = null; // a pilot simply does not inherit an Accountable who created it
    }
    CampaignGovernance g = fresh.withRaci(inherited);
    ctx.store.put(changes, g);
    if (inherited != null && StartRules.gated(campaign, g)) {
      ctx.events.approvalRequested(changes, campaign, inherited, "campaign created");
      if (!inherited.consulted().isEmpty()) {
        ctx.events.ackRequested(changes, campaign, inherited, inherited.consulted());
      }
    }
  }

  private void checkPilotSize(boolean pilot, int targetCount) {
    if (pilot && targetCount > ctx.config.pilotMaxTargets()) {
      throw ConvoyException.invalidArgument("pilot: " + targetCount + " targets (expected: at most "
          + ctx.config.pilotMaxTargets() + " for a pilot, server setting governance.pilot-max-targets; a"
          + " production campaign has no limit but needs readiness and approval)");
    }
  }

  @Override
  public void checkStart(Campaign campaign, int targetCount) {
    CampaignGovernance g = ctx.governance(campaign.id());
    checkPilotSize(g.pilot(), targetCount);
    List<String> blockers = rules.blockers(campaign, g);
    if (!blockers.isEmpty()) {
      throw ConvoyException.failedPrecondition("campaign " + campaign.id() + " cannot start: "
          + String.join("; ", blockers));
    }
  }

  @Override
  public Optional<String> startBlocker(Campaign campaign) {
    List<String> blockers = rules.blockers(campaign, ctx.governance(campaign.id()));
    return blockers.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", blockers));
  }

  @Override
  public void startHeld(Campaign campaign, String reason) {
    Lock lock = ctx.lock(campaign.id());
    lock.lock();
    try {
      CampaignGovernance g = ctx.governance(campaign.id());
      ChangeSet changes = ctx.audit.newChangeSet();
      ctx.store.put(changes, g.held(reason));
      if (g.raci() != null) {
        ctx.events.approvalRequested(changes, campaign, g.raci(), reason);
      }
      ctx.audit.append(changes, new AuditEvent("server", "campaign.start-held", campaign.id(), Map.of(
          "reason", reason, "start_at", String.valueOf(campaign.plan().startAt()))));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void checkAdvance(Campaign campaign, WaveProgress wave, String bySubject) {
    Raci r = ctx.governance(campaign.id()).raci();
    if (r == null) {
      return; // nobody is named: the permission to run campaigns is enough
    }
    String accountable = ctx.subjectOf(r.accountable()).orElse("");
    if (!accountable.equals(bySubject)) {
      throw ConvoyException.permissionDenied("advance: the go past wave " + wave.name() + " of campaign "
          + campaign.id() + " is given by its Accountable, " + r.accountable() + " (caller: " + bySubject + ")");
    }
  }

  @Override
  public void commitEdit(ChangeSet changes, Storage storage, Campaign before, Campaign after, String bySubject,
      String comment) {
    Lock lock = ctx.lock(after.id());
    lock.lock();
    try {
      String changed = CampaignEdit.changes(before, after);
      CampaignGovernance g = ctx.governance(after.id());
      CampaignGovernance voided = g.voided(ctx.clock.instant(), bySubject, changed + " changed (UpdateCampaign)");
      Map<String, String> details = new LinkedHashMap<>();
      details.put("changed", changed);
      details.put("comment", Require.optionalText("comment", comment, Approvals.MAX_COMMENT));
      details.put("content_hash", ContentHash.of(after, ctx.release(after)));
      if (voided != g) {
        ctx.store.put(changes, voided);
        ApprovalVoid v = voided.lastVoid().orElseThrow();
        details.put("voided", v.wasApprovedBy().isEmpty() ? "acknowledgements"
            : "approval by " + v.wasApprovedBy() + " and acknowledgements");
        if (g.raci() != null) {
          ctx.events.approvalVoided(changes, after, g.raci(), v);
          ctx.events.approvalRequested(changes, after, g.raci(), v.reason());
        }
      }
      details.values().removeIf(String::isEmpty);
      ctx.audit.append(changes, new AuditEvent(bySubject, "campaign.update", after.id(), details));
      ctx.forgetOverride(after.id());
      logger.info("campaign edit governed campaign={} changed=\"{}\" voided={}", after.id(), changed, voided != g);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Campaign effective(Campaign campaign) {
    if (!ctx.noticeOverridden(campaign.id())) {
      return campaign;
    }
    CampaignPlan p = campaign.plan();
    NoticeSpec notice = new NoticeSpec(p.notice().title(), p.notice().message(), Duration.ZERO);
    return campaign.withPlan(new CampaignPlan(p.startAt(), p.windowSpecs(), notice, p.deferral(), p.deadline(),
        p.waves(), p.onError(), p.timeouts(), p.retry(), p.prestage(), p.preset()));
  }
}
