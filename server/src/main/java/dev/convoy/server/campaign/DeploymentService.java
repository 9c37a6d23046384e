package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.NoticeSpec;
import dev.convoy.server.campaign.plan.RetryPolicy;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's side of deployments: desired state, idempotent status reports, and the deployment timers.
 *
 * <p>A report is identified by {@code (deployment id, attempt, sequence)} and applied at most once: a duplicate or
 * stale one changes nothing and answers the current state; an illegal transition ({@link DeploymentState#accepts})
 * is refused and writes nothing; a final state is final. Three reports carry decisions of the server:
 * <ul>
 *   <li>NOTIFIED is the notice's delivery receipt (stored with the server's time);
 *   <li>INSTALLING (or any state after it reached without it) is the install permit: refused with
 *       FAILED_PRECONDITION and the reason while {@link InstallGate} says no;
 *   <li>DEFERRED is the user's request to postpone, refused beyond {@link DeferralRules}.
 * </ul>
 * A FAILED report that the campaign's retry policy covers becomes RETRY_PENDING; the next attempt starts when its
 * timer fires. An applied report changes the deployment, its wave counters, its timer and (when the agent must see
 * it) its endpoint's revision in one durable change; then the campaign's gates are judged again.
 *
 * <p>Thread-safe: see {@link Guards}.
 */
public final class DeploymentService {
  private static final Logger logger = LoggerFactory.getLogger(DeploymentService.class);

  private final CampaignContext ctx;
  private final WaveController waves;

  DeploymentService(CampaignContext ctx, WaveController waves) {
    this.ctx = ctx;
    this.waves = waves;
  }

  /**
   * The endpoint's desired state: its deployments that are offered and not final. The revision is read before the
   * deployments: a deployment added in between then shows up with an older revision, and the agent simply syncs
   * again on the next hint; the other order could hand out a new revision without its deployment.
   */
  public DesiredState desiredState(String endpointId) {
    long revision = ctx.endpoints().revision(endpointId);
    Instant now = ctx.clock().instant();
    List<DesiredState.Assignment> assignments = ctx.deployments().listActive(endpointId).stream()
        .filter(d -> d.state() != DeploymentState.QUEUED)
        .sorted(Comparator.comparing(Deployment::createdAt).thenComparing(Deployment::id))
        .map(d -> assignment(d, now))
        .toList();
    return new DesiredState(endpointId, revision, assignments);
  }

  private DesiredState.Assignment assignment(Deployment d, Instant now) {
    Campaign campaign = campaign(d);
    NoticeSpec notice = campaign.plan().notice().orDefault(campaign.releaseRef(),
        campaign.action() == DeploymentAction.UNINSTALL, campaign.title());
    return new DesiredState.Assignment(d, releaseOf(d), campaign, notice,
        InstallGate.view(ctx.governance().effective(campaign), d, now,
            ctx.zoneOf(d.endpointId(), campaign.plan().windows())));
  }

  private Campaign campaign(Deployment d) {
    return ctx.campaigns().find(d.campaignId()).orElseThrow(() -> ConvoyException.internal(
        "deployment " + d.id() + " names campaign " + d.campaignId() + ", which does not exist", null));
  }

  /**
   * The deployment, if it belongs to {@code endpointId}.
   *
   * @throws ConvoyException PERMISSION_DENIED if it does not exist or is another endpoint's (the same answer for
   *     both, so that ids of other endpoints' deployments cannot be probed)
   */
  public Deployment requireOwned(String endpointId, String deploymentId) {
    return ctx.deployments().find(deploymentId)
        .filter(d -> d.endpointId().equals(endpointId))
        .orElseThrow(() -> ConvoyException.permissionDenied(
            "deployment_id: " + deploymentId + " is not a deployment of endpoint " + endpointId));
  }

  /** The release a deployment installs. */
  public Release releaseOf(Deployment deployment) {
    return ctx.catalogue().require(deployment.releaseName(), deployment.releaseVersion());
  }

  /**
   * Applies {@code report} from {@code endpointId} (the authenticated caller); see the class comment.
   *
   * @throws ConvoyException PERMISSION_DENIED if the deployment is not the caller's; FAILED_PRECONDITION for an
   *     attempt the server did not grant, a change after a final state, an illegal transition, an install the gate
   *     does not allow now, or a deferral beyond the campaign's limits; INVALID_ARGUMENT for a deferral end in the
   *     past
   */
  public ReportResult report(String endpointId, StatusReport report) {
    Deployment before;
    Deployment after;
    Lock shared = ctx.guards().bulk.readLock();
    Lock lock = ctx.guards().deployment(report.deploymentId());
    shared.lock();
    lock.lock();
    try {
      before = requireOwned(endpointId, report.deploymentId());
      if (isStale(before, report)) {
        logger.debug("stale report ignored deployment={} attempt={} sequence={}",
            before.id(), report.attempt(), report.sequence());
        return new ReportResult(false, before.state(), before.lastSequence());
      }
      checkTransition(before, report);
      Campaign campaign = campaign(before);
      Tx tx = new Tx(ctx);
      after = apply(tx, campaign, before, report);
      tx.commit();
    } finally {
      lock.unlock();
      shared.unlock();
    }
    logger.debug("deployment report applied deployment={} campaign={} endpoint={} state={} attempt={} sequence={}",
        after.id(), after.campaignId(), endpointId, after.state(), after.attempt(), after.lastSequence());
    if (before.state() != after.state() && (after.state().isFailure() || after.state() == DeploymentState.RETRY_PENDING)) {
      logger.warn("deployment failed deployment={} endpoint={} state={} attempt={} exitCode={} detail={}",
          after.id(), after.endpointId(), after.state(), after.attempt(), after.exitCode(),
          Require.head(after.detail(), 200));
    }
    if (after.state().isTerminal()) {
      waves.evaluate(after.campaignId());
    }
    return new ReportResult(true, after.state(), after.lastSequence());
  }

  private Deployment apply(Tx tx, Campaign campaign, Deployment before, StatusReport report) {
    Instant now = tx.now();
    boolean permit = report.state().installStarted() && !before.state().installStarted();
    if (permit) {
      Optional<String> refusal = InstallGate.refusal(ctx.governance().effective(campaign), before,
          report.userInitiated(), now,
          ctx.zoneOf(before.endpointId(), campaign.plan().windows()));
      if (refusal.isPresent()) {
        logger.info("install not permitted deployment={} endpoint={} reason=\"{}\"", before.id(),
            before.endpointId(), refusal.get());
        throw ConvoyException.failedPrecondition("install not allowed now: " + refusal.get());
      }
    }
    Deployment.Builder b = before.toBuilder().report(report, now);
    boolean agentSees = false;
    if (report.state() == DeploymentState.NOTIFIED && before.noticeDeliveredAt() == null) {
      b.noticeDelivered(now);
      // The receipt moves the gate's not_before to receipt + lead time. With no lead time that tells the agent
      // nothing: its own estimate (its notice time + lead time) is already past when the acknowledgement comes, and
      // the server judges the permit anyway. A new revision would only cost every endpoint of the campaign a Sync.
      agentSees = !ctx.governance().effective(campaign).plan().notice().leadTime().isZero();
      // The receipt that the user was told before the change: tamper-evident, for the change's auditors.
      tx.audit(new dev.convoy.server.audit.AuditEvent(endpointSubject(before.endpointId()), "notice.delivered",
          before.id(), java.util.Map.of("campaign_id", campaign.id(), "endpoint_id", before.endpointId(),
              "delivered_at", now.toString())));
    }
    if (report.state() == DeploymentState.DEFERRED) {
      Duration added = DeferralRules.check(campaign, before, report.deferredUntil(), now);
      b.deferred(report.deferredUntil(), added);
      agentSees = true;
    }
    if (permit) {
      b.installStarted(now);
    }
    Deployment after = b.build();
    RetryPolicy retry = campaign.plan().retry();
    if (after.state() == DeploymentState.FAILED && !campaign.state().isTerminal()
        && retry.retries(after.attempt(), report.retryable(), report.exitCode())) {
      Instant at = now.plus(retry.waitAfter(after.attempt()));
      after = after.toBuilder().retryAt(at).state(DeploymentState.RETRY_PENDING, now, "attempt " + after.attempt()
          + " failed (exit code " + after.exitCode() + "): next attempt at " + at + "; " + after.detail()).build();
    }
    // A final state the agent reported needs no new desired state: the agent already knows it is done (and a
    // retry's next attempt bumps the revision when its timer fires). Bumping here would only cost it a Sync.
    return tx.replace(campaign, before, after, agentSees);
  }

  private static boolean isStale(Deployment current, StatusReport report) {
    return report.attempt() < current.attempt()
        || (report.attempt() == current.attempt() && report.sequence() <= current.lastSequence())
        || (report.attempt() == current.attempt() && current.state() == DeploymentState.RETRY_PENDING);
  }

  private static void checkTransition(Deployment current, StatusReport report) {
    if (current.state() == DeploymentState.QUEUED) {
      throw ConvoyException.failedPrecondition("deployment_id: " + current.id() + " has not been offered yet (its"
          + " wave is not open)");
    }
    if (report.attempt() > current.attempt()) {
      throw ConvoyException.failedPrecondition("attempt: " + report.attempt() + " (expected: "
          + current.attempt() + ", the current attempt of deployment " + current.id() + ")");
    }
    if (current.state().isTerminal()) {
      throw ConvoyException.failedPrecondition("state: deployment " + current.id() + " is " + current.state()
          + ", which is final (reported: " + report.state() + ")");
    }
    if (!current.state().accepts(report.state())) {
      throw ConvoyException.failedPrecondition("state: " + current.state() + " -> " + report.state()
          + " is not a legal transition of deployment " + current.id() + " (expected: one of "
          + current.state().next() + " or a state after them)");
    }
  }

  /**
   * A timer of the deployment came due: a timeout fails it (counted against its wave), a retry starts its next
   * attempt. A stale timer (the deployment moved on) is dropped.
   */
  void timerFired(Timer timer) {
    Deployment before;
    Deployment after = null;
    Lock shared = ctx.guards().bulk.readLock();
    Lock lock = ctx.guards().deployment(timer.deploymentId());
    shared.lock();
    lock.lock();
    try {
      Tx tx = new Tx(ctx);
      before = ctx.deployments().find(timer.deploymentId()).orElse(null);
      boolean current = before != null && before.timerAt() != null
          && before.timerAt().toEpochMilli() == timer.dueAt().toEpochMilli() && !before.state().isTerminal();
      if (!current) {
        tx.deleteTimer(timer);
      } else {
        Campaign campaign = campaign(before);
        if (before.state() == DeploymentState.RETRY_PENDING) {
          after = tx.replace(campaign, before, before.toBuilder().nextAttempt(tx.now()).build(), true);
        } else {
          String reason = DeploymentTimers.timedOut(before.state(), campaign.plan().timeouts());
          after = tx.replace(campaign, before, before.toBuilder().state(DeploymentState.FAILED, tx.now(), reason)
              .timedOut().build(), true);
          logger.warn("deployment timed out deployment={} endpoint={} reason=\"{}\"", before.id(),
              before.endpointId(), reason);
        }
      }
      tx.commit();
    } finally {
      lock.unlock();
      shared.unlock();
    }
    if (after != null && after.state().isTerminal()) {
      waves.evaluate(after.campaignId());
    }
  }

  /**
   * A technician proved presence at the deployment's endpoint (the technician workflow calls this): its gate opens
   * for a TECHNICIAN campaign and its endpoint is hinted.
   *
   * @throws ConvoyException NOT_FOUND for an unknown deployment; FAILED_PRECONDITION if it is final or its campaign
   *     is not a TECHNICIAN one
   */
  public Deployment technicianPresent(String deploymentId) {
    return technicianPresent(deploymentId, changes -> { });
  }

  /**
   * {@link #technicianPresent(String)}, with {@code alsoStage} adding the caller's own writes (the technician job, its
   * audit entry) to the same durable change.
   */
  public Deployment technicianPresent(String deploymentId, Consumer<ChangeSet> alsoStage) {
    Lock shared = ctx.guards().bulk.readLock();
    Lock lock = ctx.guards().deployment(deploymentId);
    shared.lock();
    lock.lock();
    try {
      Deployment before = ctx.deployments().find(deploymentId)
          .orElseThrow(() -> ConvoyException.notFound("deployment_id: " + deploymentId + " not found"));
      Campaign campaign = campaign(before);
      if (campaign.execution() != Execution.TECHNICIAN || before.state().isTerminal()) {
        throw ConvoyException.failedPrecondition("deployment " + deploymentId + " is " + before.state() + " in a "
            + campaign.execution() + " campaign (expected: a TECHNICIAN deployment not final yet)");
      }
      Tx tx = new Tx(ctx);
      Deployment after = tx.replace(campaign, before, before.toBuilder().technicianPresent(tx.now()).build(), true);
      alsoStage.accept(tx.changes());
      tx.commit();
      return after;
    } finally {
      lock.unlock();
      shared.unlock();
    }
  }

  /**
   * Tells the deployment's agent that what it is told about the deployment changed (a technician claimed it and a
   * presence code is to be shown, or the claim ended): {@code stage} adds the caller's writes, the endpoint's
   * revision grows in the same durable change, and the endpoint is hinted after.
   *
   * @throws ConvoyException NOT_FOUND for an unknown deployment
   */
  public void agentMustSee(String deploymentId, Consumer<ChangeSet> stage) {
    Lock shared = ctx.guards().bulk.readLock();
    Lock lock = ctx.guards().deployment(deploymentId);
    shared.lock();
    lock.lock();
    try {
      Deployment d = ctx.deployments().find(deploymentId)
          .orElseThrow(() -> ConvoyException.notFound("deployment_id: " + deploymentId + " not found"));
      Tx tx = new Tx(ctx);
      stage.accept(tx.changes());
      tx.bump(d.endpointId());
      tx.commit();
    } finally {
      lock.unlock();
      shared.unlock();
    }
  }

  /**
   * A technician's sign-off overrides the final state the agent reported ({@code SUCCEEDED} judged failed at the
   * desk, a failed install restored by hand): the deployment moves to {@code verdict} with {@code reason}, its wave
   * counters with it, in one durable change with {@code alsoStage}; then the campaign's gates are judged again.
   *
   * @throws ConvoyException NOT_FOUND for an unknown deployment; FAILED_PRECONDITION unless it is final and
   *     {@code verdict} is FAILED or ROLLED_BACK
   */
  public Deployment technicianVerdict(String deploymentId, DeploymentState verdict, String reason,
      Consumer<ChangeSet> alsoStage) {
    if (verdict != DeploymentState.FAILED && verdict != DeploymentState.ROLLED_BACK) {
      throw ConvoyException.failedPrecondition("verdict: " + verdict + " (expected: FAILED or ROLLED_BACK)");
    }
    Deployment after;
    Lock shared = ctx.guards().bulk.readLock();
    Lock lock = ctx.guards().deployment(deploymentId);
    shared.lock();
    lock.lock();
    try {
      Deployment before = ctx.deployments().find(deploymentId)
          .orElseThrow(() -> ConvoyException.notFound("deployment_id: " + deploymentId + " not found"));
      if (!before.state().isTerminal()) {
        throw ConvoyException.failedPrecondition("deployment " + deploymentId + " is " + before.state()
            + " (expected: a final state before a technician's verdict)");
      }
      Tx tx = new Tx(ctx);
      after = tx.replace(campaign(before), before, before.toBuilder().state(verdict, tx.now(), reason).build(), false);
      alsoStage.accept(tx.changes());
      tx.commit();
    } finally {
      lock.unlock();
      shared.unlock();
    }
    logger.info("technician verdict deployment={} endpoint={} state={} reason=\"{}\"", after.id(), after.endpointId(),
        after.state(), Require.head(reason, 200));
    waves.evaluate(after.campaignId());
    return after;
  }

  /** The certificate subject an endpoint reports with ({@code CN=<id>,OU=endpoint,O=Convoy}). */
  private static String endpointSubject(String endpointId) {
    return "CN=" + endpointId + ",OU=endpoint,O=Convoy";
  }
}
