package dev.convoy.server.campaign;

import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.common.Require;
import dev.convoy.server.common.StripedLocks;
import dev.convoy.server.endpoint.EndpointStore;
import dev.convoy.server.endpoint.RevisionListener;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's side of deployments: desired state, and idempotent status reports.
 *
 * <p>A report is identified by {@code (deployment id, attempt, sequence)} and applied at most once: a duplicate or
 * stale one (lower attempt, or sequence not above the last applied) changes nothing and answers the current state;
 * an illegal transition ({@link DeploymentState#accepts}) is refused and writes nothing; a terminal state is final.
 * An applied report changes the deployment and the campaign's counters in one durable change.
 *
 * <p>Thread-safe: reports for one deployment are serialised by a per-deployment lock held until durable.
 */
public final class DeploymentService {
  private static final Logger logger = LoggerFactory.getLogger(DeploymentService.class);

  private final DeploymentStore deployments;
  private final CampaignStore campaigns;
  private final CampaignService campaignService;
  private final CatalogueService catalogue;
  private final EndpointStore endpoints;
  private final Storage storage;
  private final Clock clock;
  private final CampaignEvents events;
  private final RevisionListener revisions;
  private final StripedLocks locks = new StripedLocks(256);

  public DeploymentService(DeploymentStore deployments, CampaignStore campaigns, CampaignService campaignService,
      CatalogueService catalogue, EndpointStore endpoints, Storage storage, Clock clock, CampaignEvents events,
      RevisionListener revisions) {
    this.deployments = deployments;
    this.campaigns = campaigns;
    this.campaignService = campaignService;
    this.catalogue = catalogue;
    this.endpoints = endpoints;
    this.storage = storage;
    this.clock = clock;
    this.events = events;
    this.revisions = revisions;
  }

  /**
   * The endpoint's desired state. The revision is read before the deployments: a deployment added in between then
   * shows up with an older revision, and the agent simply syncs again on the next hint; the other order could hand
   * out a new revision without its deployment, which the agent would believe complete.
   */
  public DesiredState desiredState(String endpointId) {
    long revision = endpoints.revision(endpointId);
    List<DesiredState.Assignment> assignments = deployments.listActive(endpointId).stream()
        .sorted(Comparator.comparing(Deployment::createdAt).thenComparing(Deployment::id))
        .map(this::assignment)
        .toList();
    return new DesiredState(endpointId, revision, assignments);
  }

  private DesiredState.Assignment assignment(Deployment d) {
    Campaign campaign = campaigns.find(d.campaignId()).orElseThrow(() -> ConvoyException.internal(
        "deployment " + d.id() + " names campaign " + d.campaignId() + ", which does not exist", null));
    return new DesiredState.Assignment(d, catalogue.require(d.releaseName(), d.releaseVersion()), campaign.action(),
        campaign.allowDowngrade());
  }

  /**
   * The deployment, if it belongs to {@code endpointId}.
   *
   * @throws ConvoyException PERMISSION_DENIED if it does not exist or is another endpoint's (the same answer for
   *     both, so that ids of other endpoints' deployments cannot be probed)
   */
  public Deployment requireOwned(String endpointId, String deploymentId) {
    return deployments.find(deploymentId)
        .filter(d -> d.endpointId().equals(endpointId))
        .orElseThrow(() -> ConvoyException.permissionDenied(
            "deployment_id: " + deploymentId + " is not a deployment of endpoint " + endpointId));
  }

  /** The release a deployment installs. */
  public Release releaseOf(Deployment deployment) {
    return catalogue.require(deployment.releaseName(), deployment.releaseVersion());
  }

  /**
   * Applies {@code report} from {@code endpointId} (the authenticated caller); see the class comment.
   *
   * @throws ConvoyException PERMISSION_DENIED if the deployment is not the caller's; FAILED_PRECONDITION for an
   *     attempt the server did not grant, a change after a terminal state, or an illegal transition
   */
  public ReportResult report(String endpointId, StatusReport report) {
    Deployment before;
    Deployment after;
    Lock lock = locks.forKey(report.deploymentId());
    lock.lock();
    try {
      before = requireOwned(endpointId, report.deploymentId());
      if (isStale(before, report)) {
        logger.debug("stale report ignored deployment={} attempt={} sequence={}",
            before.id(), report.attempt(), report.sequence());
        return new ReportResult(false, before.state(), before.lastSequence());
      }
      checkTransition(before, report);
      after = before.apply(report, clock.instant());
      ChangeSet changes = storage.begin();
      deployments.put(changes, after);
      if (after.state() != before.state()) {
        campaigns.addToCount(changes, before.campaignId(), before.state(), -1);
        campaigns.addToCount(changes, before.campaignId(), after.state(), 1);
      }
      if (after.state().isTerminal()) {
        endpoints.bumpRevision(changes, endpointId); // it leaves the endpoint's desired state
      }
      storage.commit(changes);
    } finally {
      lock.unlock();
    }
    logger.info("deployment report applied deployment={} campaign={} endpoint={} state={} attempt={} sequence={}",
        after.id(), after.campaignId(), endpointId, after.state(), after.attempt(), after.lastSequence());
    afterApplied(before, after);
    return new ReportResult(true, after.state(), after.lastSequence());
  }

  private static boolean isStale(Deployment current, StatusReport report) {
    return report.attempt() < current.attempt()
        || (report.attempt() == current.attempt() && report.sequence() <= current.lastSequence());
  }

  private static void checkTransition(Deployment current, StatusReport report) {
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

  private void afterApplied(Deployment before, Deployment after) {
    events.changed(after.campaignId());
    if (after.state().isTerminal()) {
      revisions.revisionChanged(after.endpointId(), endpoints.revision(after.endpointId()));
      campaignService.completeIfDone(after.campaignId());
    }
    if (before.state() != after.state() && after.state().isFailure()) {
      logger.warn("deployment failed deployment={} endpoint={} state={} exitCode={} detail={}",
          after.id(), after.endpointId(), after.state(), after.exitCode(), Require.head(after.detail(), 200));
    }
  }
}
