package dev.convoy.server.governance;

import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignState;
import dev.convoy.server.campaign.CampaignStore;
import dev.convoy.server.campaign.GovernanceGate;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.people.PersonService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Governance of releases and campaigns (DESIGN.md "Governance"; docs/governance.md): RACI ({@link #raci()}),
 * approvals, acknowledgements and notice overrides ({@link #approvals()}), the readiness gate
 * ({@link #readiness()}), and the {@link GovernanceGate} the campaign engine consults ({@link #gate()}). One per
 * server. Thread-safe.
 */
public final class GovernanceService {
  private static final Logger logger = LoggerFactory.getLogger(GovernanceService.class);

  private final GovernanceContext ctx;
  private final StartRules rules;
  private final RaciService raci;
  private final Approvals approvals;
  private final ReadinessService readiness;
  private final CampaignGovernor gate;

  /**
   * @param events where approval requests, approvals, acknowledgement requests and voids are announced
   *     ({@link GovernanceEvents#NONE} until notifications are connected)
   */
  public GovernanceService(GovernanceStore store, CampaignStore campaigns, CatalogueService catalogue,
      PersonService people, AuditLog audit, Clock clock, GovernanceConfig config, GovernanceEvents events) {
    this.ctx = new GovernanceContext(store, campaigns, catalogue, people, audit, clock, config, events);
    this.rules = new StartRules(ctx);
    this.raci = new RaciService(ctx);
    this.approvals = new Approvals(ctx);
    this.readiness = new ReadinessService(ctx, rules);
    this.gate = new CampaignGovernor(ctx, rules, raci);
  }

  public RaciService raci() {
    return raci;
  }

  public Approvals approvals() {
    return approvals;
  }

  public ReadinessService readiness() {
    return readiness;
  }

  /** What the campaign engine consults (pass it to its {@code CampaignContext}). */
  public GovernanceGate gate() {
    return gate;
  }

  public GovernanceConfig config() {
    return ctx.config;
  }

  /**
   * The RACI of a campaign, for the notification audience (Informed / Consulted / Accountable → their e-mail).
   *
   * @return empty for an unknown campaign or one without RACI
   */
  public Optional<Raci> of(String campaignId) {
    return ctx.store.campaign(campaignId).flatMap(CampaignGovernance::raciIfSet);
  }

  /** Where {@code campaignId}'s governance stands. @throws dev.convoy.server.error.ConvoyException NOT_FOUND */
  public GovernanceView view(String campaignId) {
    return view(ctx.campaign(campaignId));
  }

  /** Where {@code campaign}'s governance stands (its release must exist). */
  public GovernanceView view(Campaign campaign) {
    CampaignGovernance g = ctx.governance(campaign.id());
    boolean notStarted = campaign.state() == CampaignState.DRAFT || campaign.state() == CampaignState.SCHEDULED;
    List<String> blockers = notStarted ? rules.blockers(campaign, g) : List.of();
    return new GovernanceView(campaign, g, ContentHash.of(campaign, ctx.release(campaign)), blockers,
        StartRules.gated(campaign, g), rules.approvalState(campaign, g));
  }

  /** Whether {@code campaignId} is a pilot (false for an unknown campaign). */
  public boolean pilot(String campaignId) {
    return ctx.store.campaign(campaignId).map(CampaignGovernance::pilot).orElse(false);
  }

  /**
   * Says loudly, once at startup, when the server does not require approval or readiness: a WARN and an audit
   * entry, so that a relaxed server is never a silent one.
   */
  public void announceSettings() {
    GovernanceConfig c = ctx.config;
    if (c.requireApproval() && c.requireReadiness()) {
      return;
    }
    logger.warn("governance relaxed requireApproval={} requireReadiness={}: production campaigns start without {}",
        c.requireApproval(), c.requireReadiness(), !c.requireApproval() && !c.requireReadiness()
            ? "approval and readiness" : !c.requireApproval() ? "approval" : "readiness");
    ctx.audit.append(new AuditEvent("server", "governance.relaxed", "server", Map.of(
        "require_approval", Boolean.toString(c.requireApproval()),
        "require_readiness", Boolean.toString(c.requireReadiness()))));
  }
}
