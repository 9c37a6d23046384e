package dev.convoy.server.governance;

import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignState;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signatures on a campaign: the Accountable's approval (with Consulted waivers) and notice override, and the
 * Consulted persons' acknowledgements, each bound to the campaign's current content hash and recorded in the audit
 * log in the same batch. The caller's APPROVE permission is checked at the edge; here: being the one the RACI names,
 * and never the creator (four-eyes). Thread-safe.
 */
public final class Approvals {
  private static final Logger logger = LoggerFactory.getLogger(Approvals.class);
  static final int MAX_COMMENT = 1000;

  private final GovernanceContext ctx;

  Approvals(GovernanceContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The Accountable approves the campaign's current content, and waives the acknowledgement of {@code waive}.
   *
   * @throws ConvoyException NOT_FOUND; FAILED_PRECONDITION if it started already or has no RACI; PERMISSION_DENIED
   *     for its creator or anyone but its Accountable; INVALID_ARGUMENT for a waived person who is not Consulted
   */
  public CampaignGovernance approve(String campaignId, String comment, List<String> waive, Caller caller) {
    String text = Require.optionalText("comment", comment, MAX_COMMENT);
    return sign(campaignId, "approve", caller, true, (campaign, g, hash, now) -> {
      Raci raci = g.raci();
      List<Signature> waivers = new ArrayList<>();
      for (String person : waive) {
        if (!raci.isConsulted(person.strip())) {
          throw ConvoyException.invalidArgument("waive_consulted: " + person + " is not Consulted on campaign "
              + campaignId + " (Consulted: " + String.join(", ", raci.consulted()) + ")");
        }
        waivers.add(new Signature(caller.name(), person.strip(), now, text, hash));
      }
      Signature approval = new Signature(caller.name(), "", now, text, hash);
      CampaignGovernance after = g.approved(approval, waivers);
      return new Signed(after, event(caller, "campaign.approve", campaignId, hash, "comment", text,
          "waived_consulted", String.join(",", waive)), changes -> ctx.events.approvalGiven(changes, campaign,
              raci, approval));
    });
  }

  /**
   * A Consulted person acknowledges the campaign's current content.
   *
   * @throws ConvoyException NOT_FOUND; FAILED_PRECONDITION if it started already or has no RACI;
   *     PERMISSION_DENIED for anyone not Consulted
   */
  public CampaignGovernance acknowledge(String campaignId, String comment, Caller caller) {
    String text = Require.optionalText("comment", comment, MAX_COMMENT);
    return sign(campaignId, "acknowledge", caller, false, (campaign, g, hash, now) -> {
      if (!g.raci().isConsulted(caller.name())) {
        throw ConvoyException.permissionDenied("acknowledge: " + caller.name() + " is not Consulted on campaign "
            + campaignId + " (Consulted: " + (g.raci().consulted().isEmpty() ? "nobody"
            : String.join(", ", g.raci().consulted())) + ")");
      }
      Signature ack = new Signature(caller.name(), "", now, text, hash);
      return new Signed(g.acknowledged(ack), event(caller, "campaign.acknowledge", campaignId, hash,
          "comment", text), changes -> ctx.events.ackGiven(changes, campaign, g.raci(), ack));
    });
  }

  /**
   * The Accountable overrides the notice lead: installs may proceed before it, and a campaign whose lead is below
   * the server's minimum may start. Also on a running campaign.
   *
   * @throws ConvoyException INVALID_ARGUMENT without a justification; else as {@link #approve}
   */
  public CampaignGovernance overrideNotice(String campaignId, String justification, Caller caller) {
    String text = Require.optionalText("justification", justification, MAX_COMMENT);
    if (text.isBlank()) {
      throw ConvoyException.invalidArgument("justification: empty (expected: why users may get less notice)");
    }
    CampaignGovernance result = sign(campaignId, "override the notice of", caller, true,
        (campaign, g, hash, now) -> new Signed(g.noticeOverridden(new Signature(caller.name(), "", now, text, hash)),
            event(caller, "campaign.override-notice", campaignId, hash, "justification", text,
                "notice_lead", campaign.plan().notice().leadTime().toString()), changes -> { }));
    ctx.forgetOverride(campaignId);
    return result;
  }

  private record Signed(CampaignGovernance after, AuditEvent event, java.util.function.Consumer<ChangeSet> announce) {}

  @FunctionalInterface
  private interface Signing {
    Signed sign(Campaign campaign, CampaignGovernance g, String hash, Instant now);
  }

  private CampaignGovernance sign(String campaignId, String verb, Caller caller, boolean accountableOnly,
      Signing signing) {
    Lock lock = ctx.lock(campaignId);
    lock.lock();
    try {
      Campaign campaign = ctx.campaign(campaignId);
      boolean override = verb.startsWith("override");
      if (campaign.state().isTerminal() || (!override && campaign.state() != CampaignState.DRAFT
          && campaign.state() != CampaignState.SCHEDULED)) {
        throw ConvoyException.failedPrecondition("campaign " + campaignId + " is " + campaign.state()
            + " (expected: " + (override ? "not finished" : "DRAFT or SCHEDULED") + " to " + verb + " it)");
      }
      CampaignGovernance g = ctx.governance(campaignId);
      if (g.raci() == null) {
        throw ConvoyException.failedPrecondition("campaign " + campaignId + " has no RACI (expected: convoy raci"
            + " set campaign " + campaignId + " --responsible P --accountable P first)");
      }
      if (accountableOnly) {
        requireAccountable(campaign, g.raci(), caller, verb);
      }
      String hash = ContentHash.of(campaign, ctx.release(campaign));
      Signed signed = signing.sign(campaign, g, hash, ctx.clock.instant());
      ChangeSet changes = ctx.audit.newChangeSet();
      ctx.store.put(changes, signed.after());
      signed.announce().accept(changes);
      ctx.audit.append(changes, signed.event());
      logger.info("campaign signed campaign={} action={} by={} contentHash={}", campaignId,
          signed.event().action(), caller.name(), hash);
      return signed.after();
    } finally {
      lock.unlock();
    }
  }

  /** Four-eyes first (the creator never signs as Accountable), then: only the Accountable. */
  void requireAccountable(Campaign campaign, Raci raci, Caller caller, String verb) {
    if (caller.subject().equals(campaign.createdBy())) {
      throw ConvoyException.permissionDenied(verb + ": " + caller.name() + " created campaign " + campaign.id()
          + "; the creator can never approve it (four-eyes; its Accountable is " + raci.accountable() + ")");
    }
    if (!caller.name().equals(raci.accountable())) {
      throw ConvoyException.permissionDenied(verb + ": " + caller.name() + " is not the Accountable of campaign "
          + campaign.id() + " (the Accountable is " + raci.accountable() + ")");
    }
  }

  private static AuditEvent event(Caller caller, String action, String campaignId, String hash, String... pairs) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("content_hash", hash);
    for (int i = 0; i < pairs.length; i += 2) {
      if (!pairs[i + 1].isEmpty()) {
        details.put(pairs[i], pairs[i + 1]);
      }
    }
    return new AuditEvent(caller.subject(), action, campaignId, details);
  }
}
