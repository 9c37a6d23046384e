package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.error.ConvoyException;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits of a DRAFT or SCHEDULED campaign: targets, start time, windows, waves, notice, deferral. Each edit is checked
 * as a creation is, and committed by governance ({@link GovernanceGate#commitEdit}) so that the approval it voids and
 * its audit entry are in the same batch. A SCHEDULED campaign's start timer moves with its start time.
 *
 * <p>Thread-safe: see {@link Guards}.
 */
public final class CampaignUpdates {
  private static final Logger logger = LoggerFactory.getLogger(CampaignUpdates.class);

  private final CampaignContext ctx;
  private final CampaignService campaigns;

  CampaignUpdates(CampaignContext ctx, CampaignService campaigns) {
    this.ctx = ctx;
    this.campaigns = campaigns;
  }

  /**
   * Applies {@code edit}. An edit that changes nothing changes nothing (and voids nothing).
   *
   * @param by certificate subject of the editor
   * @throws ConvoyException NOT_FOUND for an unknown campaign; FAILED_PRECONDITION if it is not DRAFT or SCHEDULED;
   *     INVALID_ARGUMENT / FAILED_PRECONDITION as {@link CampaignService#create} for the new targets and plan
   */
  public Campaign update(String campaignId, CampaignEdit edit, String by) {
    Lock lock = ctx.guards().campaign(campaignId);
    lock.lock();
    try {
      Campaign before = campaigns.require(campaignId);
      if (before.state() != CampaignState.DRAFT && before.state() != CampaignState.SCHEDULED) {
        throw ConvoyException.failedPrecondition("campaign " + campaignId + " is " + before.state()
            + " (expected: DRAFT or SCHEDULED to edit it)");
      }
      Release release = ctx.catalogue().require(before.releaseName(), before.releaseVersion());
      Targets targets = edit.targets() == null ? before.targets() : edit.targets();
      CampaignPlan plan = edit.applyTo(before.plan()).validated(before.phased(), ctx.clock().instant());
      Campaign after = before.edited(targets, plan);
      String changed = CampaignEdit.changes(before, after);
      if (changed.isEmpty()) {
        return before;
      }
      campaigns.vet(release, before.action(), targets, plan);
      Tx tx = new Tx(ctx);
      if (before.state() == CampaignState.SCHEDULED && !Objects.equals(before.plan().startAt(), plan.startAt())) {
        after = reschedule(tx, before, after);
      }
      tx.put(after);
      Campaign edited = after;
      tx.commit(changes -> ctx.governance().commitEdit(changes, ctx.storage(), before, edited, by, edit.comment()));
      logger.info("campaign edited campaign={} changed=\"{}\" by={}", campaignId, changed, by);
      return after;
    } finally {
      lock.unlock();
    }
  }

  private Campaign reschedule(Tx tx, Campaign before, Campaign after) {
    if (before.plan().startAt() != null) {
      tx.deleteTimer(Timer.campaignStart(before, before.plan().startAt()));
    }
    Instant startAt = after.plan().startAt();
    Instant due = startAt == null || startAt.isBefore(tx.now()) ? tx.now() : startAt;
    tx.putTimer(Timer.campaignStart(after, due));
    return after.withStateReason("starts at " + due);
  }
}
