package dev.convoy.server.governance;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.DeploymentAction;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.campaign.plan.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * What a production campaign still needs before it may start, in words: the release's readiness, a RACI, the
 * Accountable's approval of the current content, every Consulted person's acknowledgement (or its waiver), and a
 * notice override when its lead is below the server's minimum. Pilots and wave rollbacks (the backout plan of a
 * campaign that was approved) need none of it. Stateless apart from the shared context; thread-safe.
 */
final class StartRules {
  private final GovernanceContext ctx;

  StartRules(GovernanceContext ctx) {
    this.ctx = ctx;
  }

  /** Whether the production gate applies to {@code campaign} at all. */
  static boolean gated(Campaign campaign, CampaignGovernance governance) {
    return !governance.pilot() && campaign.rollbackOf().isEmpty();
  }

  boolean readinessEnforced(Campaign campaign, CampaignGovernance governance) {
    return ctx.config.requireReadiness() && gated(campaign, governance)
        && campaign.action() == DeploymentAction.INSTALL;
  }

  Readiness readiness(Release release) {
    return Readiness.of(release, ctx.store.release(release.name(), release.version())
        .orElse(ReleaseGovernance.NONE));
  }

  /** Everything still missing, each with the command that provides it; empty when it may start. */
  List<String> blockers(Campaign campaign, CampaignGovernance g) {
    List<String> out = new ArrayList<>();
    if (!gated(campaign, g)) {
      return out;
    }
    Release release = ctx.release(campaign);
    String hash = ContentHash.of(campaign, release);
    if (readinessEnforced(campaign, g)) {
      Readiness readiness = readiness(release);
      if (!readiness.ready()) {
        out.add(readiness.refusal());
      }
    }
    if (ctx.config.requireApproval()) {
      approval(out, campaign, g, hash);
    }
    if (campaign.plan().notice().leadTime().compareTo(ctx.config.minimumNoticeLead()) < 0
        && (g.noticeOverride() == null || !g.noticeOverride().covers(hash))) {
      out.add("notice lead " + Durations.words(campaign.plan().notice().leadTime()) + " is shorter than the minimum "
          + Durations.words(ctx.config.minimumNoticeLead()) + " (governance.minimum-notice-lead): needs the"
          + " Accountable's override: convoy campaign override-notice " + campaign.id() + " --justification TEXT");
    }
    return out;
  }

  private void approval(List<String> out, Campaign campaign, CampaignGovernance g, String hash) {
    Raci raci = g.raci();
    if (raci == null) {
      out.add("no RACI (expected: convoy raci set campaign " + campaign.id()
          + " --responsible P --accountable P [--consulted P,...] [--informed P,...])");
      return;
    }
    if (g.approval() == null) {
      String voided = g.lastVoid().map(v -> "; the approval" + (v.wasApprovedBy().isEmpty() ? ""
          : " by " + v.wasApprovedBy()) + " was voided at " + v.at() + ": " + v.reason()).orElse("");
      out.add("awaiting approval by " + raci.accountable() + " (the Accountable): convoy approve " + campaign.id()
          + " --comment TEXT" + voided);
    } else if (!g.approval().covers(hash)) {
      out.add("the approval by " + g.approval().person() + " is for other content (approved "
          + ContentHash.shortForm(g.approval().contentHash()) + ", now " + ContentHash.shortForm(hash)
          + "): approve again");
    }
    for (String consulted : raci.consulted()) {
      if (!g.acknowledgedBy(consulted, hash) && !g.waived(consulted, hash)) {
        out.add("awaiting acknowledgement by " + consulted + " (Consulted): convoy ack " + campaign.id()
            + " --comment TEXT, or the Accountable waives it: convoy approve " + campaign.id()
            + " --waive-consulted " + consulted + " --comment TEXT");
      }
    }
  }

  /** One line for campaign lists and status: where its approval stands. */
  String approvalState(Campaign campaign, CampaignGovernance g) {
    if (g.pilot()) {
      return "pilot: no approval needed";
    }
    if (!campaign.rollbackOf().isEmpty()) {
      return "rollback of " + campaign.rollbackOf() + ": covered by that campaign's approval";
    }
    String approved = g.approval() == null ? "" : "approved by " + g.approval().person() + " at "
        + g.approval().at() + " (content " + ContentHash.shortForm(g.approval().contentHash()) + ")";
    if (campaign.state().isTerminal() || campaign.startedAt() != null) {
      return approved.isEmpty() ? "started without approval" : approved;
    }
    List<String> blockers = blockers(campaign, g);
    if (blockers.isEmpty()) {
      return approved.isEmpty() ? "may start (approval not required)" : approved + "; may start";
    }
    return "not ready to start: " + String.join("; ", blockers);
  }
}
