package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.NoticeSpec;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an admin does to a campaign once created: pause, resume, abort, cancel, advance (the go between waves) and
 * roll a wave back. Each answers the campaign after its change is durable; a command that does not apply to the
 * campaign's state is FAILED_PRECONDITION naming that state.
 *
 * <p>Thread-safe: see {@link Guards}.
 */
public final class CampaignCommands {
  private static final Logger logger = LoggerFactory.getLogger(CampaignCommands.class);
  public static final int MAX_COMMENT = 1000;

  private final CampaignContext ctx;
  private final WaveController waves;
  private final CampaignService campaigns;

  CampaignCommands(CampaignContext ctx, WaveController waves, CampaignService campaigns) {
    this.ctx = ctx;
    this.waves = waves;
    this.campaigns = campaigns;
  }

  /** RUNNING → PAUSED: no install starts (agents hold), no wave opens; running installs finish. */
  public Campaign pause(String campaignId, String by, String comment) {
    return change(campaignId, "pause", (tx, c) -> {
      Campaign paused = c.moved(CampaignState.PAUSED, tx.now(), reason("paused", by, comment));
      waves.pauseHold(tx, paused);
      return paused;
    });
  }

  /**
   * PAUSED → RUNNING. A wave that breached its error threshold is reopened with its failures accepted (its error
   * gate is not judged again); a stalled wave widens to the next one.
   */
  public Campaign resume(String campaignId, String by, String comment) {
    Campaign resumed = change(campaignId, "resume", (tx, c) -> {
      Campaign running = c.moved(CampaignState.RUNNING, tx.now(), reason("resumed", by, comment));
      for (WaveProgress wave : running.waves()) {
        if (wave.state() == WaveState.BREACHED) {
          running = running.withWave(wave.acceptingErrors());
        }
      }
      WaveProgress current = running.wave(running.currentWave());
      if (current.state() == WaveState.STALLED && current.index() < running.waves().size() - 1) {
        running = waves.widen(tx, running, current.index());
      }
      waves.pauseHold(tx, running);
      return running;
    });
    waves.evaluate(campaignId);
    return campaigns.require(campaignId);
  }

  /** RUNNING | PAUSED → ABORTED: every deployment not yet installing is cancelled. */
  public Campaign abort(String campaignId, String by, String comment) {
    return change(campaignId, "abort", (tx, c) -> {
      Campaign aborted = c.moved(CampaignState.ABORTED, tx.now(), reason("aborted", by, comment));
      waves.cancelRemaining(tx, aborted, "campaign aborted by " + by);
      return aborted;
    });
  }

  /** DRAFT | SCHEDULED | RUNNING | PAUSED → CANCELLED: nothing more starts; deployments not installing are cancelled. */
  public Campaign cancel(String campaignId, String by, String comment) {
    return change(campaignId, "cancel", (tx, c) -> {
      Campaign cancelled = c.moved(CampaignState.CANCELLED, tx.now(), reason("cancelled", by, comment));
      if (c.state() == CampaignState.SCHEDULED && c.plan().startAt() != null) {
        tx.deleteTimer(Timer.campaignStart(c, c.plan().startAt()));
      }
      waves.cancelRemaining(tx, cancelled, "campaign cancelled by " + by);
      return cancelled;
    });
  }

  /**
   * The go to widen: the current wave, waiting for it (AWAITING_GO) or finished below its success threshold
   * (STALLED), passes and the next wave opens; a PAUSED campaign runs again.
   */
  public Campaign advance(String campaignId, String by, String comment) {
    Campaign advanced = change(campaignId, "advance", (tx, c) -> {
      if (c.state() != CampaignState.RUNNING && c.state() != CampaignState.PAUSED) {
        throw ConvoyException.failedPrecondition("campaign " + c.id() + " is " + c.state()
            + " (expected: RUNNING or PAUSED to advance)");
      }
      WaveProgress current = c.wave(c.currentWave());
      if (current.index() == c.waves().size() - 1) {
        throw ConvoyException.failedPrecondition("campaign " + c.id() + " is in its last wave (" + current.name()
            + "): there is nothing to advance to");
      }
      if (current.state() != WaveState.AWAITING_GO && current.state() != WaveState.STALLED) {
        throw ConvoyException.failedPrecondition("wave " + current.name() + " is " + current.state()
            + " (expected: AWAITING_GO, or STALLED, to advance)");
      }
      if (current.spec().requireGo()) {
        ctx.governance().checkAdvance(c, current, by); // the go is the Accountable's (four-eyes)
      }
      Campaign running = c.state() == CampaignState.PAUSED
          ? c.moved(CampaignState.RUNNING, tx.now(), reason("advanced", by, comment)) : c;
      if (c.state() == CampaignState.PAUSED) {
        waves.pauseHold(tx, running);
      }
      logger.info("campaign advanced campaign={} wave={} by={}", c.id(), current.name(), by);
      return waves.widen(tx, running, current.index());
    });
    waves.evaluate(campaignId);
    return campaigns.require(campaignId);
  }

  /**
   * Undoes a wave: a new campaign, started at once, that uninstalls the release (or, with {@code toVersion},
   * installs that version as an explicit downgrade) on the wave's endpoints where it succeeded. The campaign must
   * not be RUNNING (pause it first), so that the wave does not move under the rollback.
   *
   * @throws ConvoyException FAILED_PRECONDITION if the campaign is RUNNING, DRAFT or SCHEDULED, or nothing in the wave
   *     succeeded; INVALID_ARGUMENT for a wave index out of range
   */
  public Campaign rollbackWave(String campaignId, int wave, String toVersion, String by) {
    Campaign campaign = campaigns.require(campaignId);
    if (campaign.state() == CampaignState.RUNNING || campaign.state() == CampaignState.DRAFT
        || campaign.state() == CampaignState.SCHEDULED) {
      throw ConvoyException.failedPrecondition("campaign " + campaignId + " is " + campaign.state()
          + " (expected: PAUSED, ABORTED, CANCELLED or COMPLETED to roll a wave back; pause it first)");
    }
    WaveProgress target = campaign.wave(wave);
    List<String> endpoints = ctx.deployments().listByCampaign(campaignId).stream()
        .filter(d -> d.wave() == wave && d.state().isSuccess()).map(Deployment::endpointId).sorted().toList();
    if (endpoints.isEmpty()) {
      throw ConvoyException.failedPrecondition("wave " + target.name() + " of campaign " + campaignId
          + " has no endpoint where it succeeded: nothing to roll back");
    }
    boolean downgrade = toVersion != null && !toVersion.isBlank();
    String title = "Rollback of wave " + target.name() + " of " + campaign.title();
    NoticeSpec notice = new NoticeSpec("", "", java.time.Duration.ZERO);
    CampaignPlan plan = new CampaignPlan(null, List.of(), notice, null, null, List.of(), null, null, null, true, "");
    NewCampaign request = new NewCampaign(campaign.releaseName(), downgrade ? toVersion : campaign.releaseVersion(),
        new Targets(false, List.of(), endpoints), Require.head(title, NewCampaign.MAX_TITLE), Delivery.PUSH,
        Rollout.BIG_BANG, Execution.AUTOMATIC, by,
        downgrade ? DeploymentAction.INSTALL : DeploymentAction.UNINSTALL, downgrade, plan);
    Campaign rollback = campaigns.createRollback(request, campaignId + "#" + wave);
    logger.info("wave rollback campaign={} wave={} rollback={} endpoints={} to={} by={}", campaignId,
        target.name(), rollback.id(), endpoints.size(), downgrade ? toVersion : "uninstall", by);
    return campaigns.start(rollback.id());
  }

  /**
   * Undoes one deployment (a technician's rollback at the desk): like {@link #rollbackWave} for its endpoint alone —
   * a new campaign, started at once, that uninstalls the release or, with {@code toVersion}, installs that version:
   * as an explicit downgrade when {@code downgrade} (the release must be signed as one), else as a plain install, for
   * an endpoint that still has that version because the deployment did not replace it (the agent's own version
   * check still refuses it if the endpoint has a newer one).
   *
   * @throws ConvoyException NOT_FOUND for an unknown deployment; FAILED_PRECONDITION unless it is final, or for a
   *     downgrade to a release not signed as one
   */
  public Campaign rollbackDeployment(String deploymentId, String toVersion, boolean downgrade, String by) {
    Deployment d = ctx.deployments().find(deploymentId)
        .orElseThrow(() -> ConvoyException.notFound("deployment_id: " + deploymentId + " not found"));
    if (!d.state().isTerminal()) {
      throw ConvoyException.failedPrecondition("deployment " + deploymentId + " is " + d.state()
          + " (expected: a final state to roll it back)");
    }
    Campaign campaign = campaigns.require(d.campaignId());
    boolean install = toVersion != null && !toVersion.isBlank();
    String title = "Rollback of " + d.releaseName() + " " + d.releaseVersion() + " on " + d.endpointId();
    CampaignPlan plan = new CampaignPlan(null, List.of(), new NoticeSpec("", "", java.time.Duration.ZERO), null, null,
        List.of(), null, null, null, true, "");
    NewCampaign request = new NewCampaign(d.releaseName(), install ? toVersion : d.releaseVersion(),
        new Targets(false, List.of(), List.of(d.endpointId())), Require.head(title, NewCampaign.MAX_TITLE),
        Delivery.PUSH, Rollout.BIG_BANG, Execution.AUTOMATIC, by,
        install ? DeploymentAction.INSTALL : DeploymentAction.UNINSTALL, install && downgrade, plan);
    Campaign rollback = campaigns.createRollback(request, campaign.id() + "#" + deploymentId);
    logger.info("deployment rollback deployment={} campaign={} rollback={} to={} downgrade={} by={}", deploymentId,
        campaign.id(), rollback.id(), install ? toVersion : "uninstall", install && downgrade, by);
    return campaigns.start(rollback.id());
  }

  private Campaign change(String campaignId, String command, BiFunction<Tx, Campaign, Campaign> body) {
    Lock lock = ctx.guards().campaign(campaignId);
    lock.lock();
    try {
      Campaign before = campaigns.require(campaignId);
      Lock bulk = ctx.guards().bulk.writeLock();
      bulk.lock();
      try {
        Tx tx = new Tx(ctx);
        Campaign after = body.apply(tx, before);
        tx.put(after);
        tx.commit();
        logger.info("campaign {} campaign={} state={} reason=\"{}\"", command, campaignId, after.state(),
            after.stateReason());
        return after;
      } finally {
        bulk.unlock();
      }
    } finally {
      lock.unlock();
    }
  }

  private static String reason(String what, String by, String comment) {
    String text = what + " by " + (by == null || by.isBlank() ? "an admin" : by);
    String c = Require.optionalText("comment", comment, MAX_COMMENT);
    return c.isBlank() ? text : text + ": " + c;
  }
}
