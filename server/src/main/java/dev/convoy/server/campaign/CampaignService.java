package dev.convoy.server.campaign;

import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.common.RandomIds;
import dev.convoy.server.common.StripedLocks;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointStore;
import dev.convoy.server.endpoint.RevisionListener;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns: create (DRAFT), start (RUNNING, one PENDING deployment per target endpoint), completion (COMPLETED
 * once every deployment is terminal), listing and status.
 *
 * <p>Thread-safe: state changes of one campaign are serialised by a per-campaign lock held until durable.
 */
public final class CampaignService {
  private static final Logger logger = LoggerFactory.getLogger(CampaignService.class);

  private final CampaignStore campaigns;
  private final DeploymentStore deployments;
  private final CatalogueService catalogue;
  private final EndpointStore endpoints;
  private final Storage storage;
  private final Clock clock;
  private final CampaignEvents events;
  private final RevisionListener revisions;
  private final DynamicGroups dynamicGroups;
  private final StripedLocks locks = new StripedLocks(64);

  /** @param dynamicGroups resolves targets {@code group:NAME} that name a dynamic group */
  public CampaignService(CampaignStore campaigns, DeploymentStore deployments, CatalogueService catalogue,
      EndpointStore endpoints, Storage storage, Clock clock, CampaignEvents events, RevisionListener revisions,
      DynamicGroups dynamicGroups) {
    this.campaigns = campaigns;
    this.deployments = deployments;
    this.catalogue = catalogue;
    this.endpoints = endpoints;
    this.storage = storage;
    this.clock = clock;
    this.events = events;
    this.revisions = revisions;
    this.dynamicGroups = dynamicGroups;
  }

  /**
   * Creates a DRAFT campaign.
   *
   * @throws ConvoyException NOT_FOUND if the release does not exist; FAILED_PRECONDITION if a downgrade is asked
   *     for a release whose signed manifest does not allow one; INVALID_ARGUMENT if a target endpoint id is not
   *     enrolled or the targets resolve to no enrolled endpoint
   */
  public Campaign create(NewCampaign request) {
    Release release = catalogue.require(request.releaseName(), request.releaseVersion());
    if (request.allowDowngrade() && !release.allowsDowngrade()) {
      throw ConvoyException.failedPrecondition("release " + release.ref() + " does not allow downgrades (its"
          + " manifest's downgrade flag is false)");
    }
    for (String id : request.targets().endpointIds()) {
      if (endpoints.find(id).isEmpty()) {
        throw ConvoyException.invalidArgument("targets.endpoint_ids: " + id + " (expected: an enrolled endpoint)");
      }
    }
    if (resolve(request.targets()).isEmpty()) {
      throw ConvoyException.invalidArgument(
          "targets: " + request.targets() + " (expected: at least one enrolled endpoint)");
    }
    Campaign campaign = new Campaign(RandomIds.next("cmp-"), request.title(), request.releaseName(),
        request.releaseVersion(), request.targets(), CampaignState.DRAFT, request.delivery(), request.rollout(),
        request.execution(), request.createdBy(), clock.instant(), null, null, 0, request.action(),
        request.allowDowngrade());
    ChangeSet changes = storage.begin();
    campaigns.put(changes, campaign);
    storage.commit(changes);
    logger.info("campaign created campaign={} release={} action={} allowDowngrade={} targets={} by={}",
        campaign.id(), campaign.releaseRef(), campaign.action(), campaign.allowDowngrade(), campaign.targets(),
        campaign.createdBy());
    return campaign;
  }

  /**
   * Starts a DRAFT campaign: in one durable change, one PENDING deployment (attempt 1) per target endpoint, the
   * PENDING counter, each endpoint's desired-state revision, and the campaign RUNNING. Then hints the endpoints.
   *
   * @throws ConvoyException NOT_FOUND for an unknown campaign, FAILED_PRECONDITION if it is not DRAFT or its
   *     targets no longer resolve to any endpoint
   */
  public Campaign start(String campaignId) {
    List<String> targets;
    Campaign started;
    Lock lock = locks.forKey(campaignId);
    lock.lock();
    try {
      Campaign campaign = require(campaignId);
      if (campaign.state() != CampaignState.DRAFT) {
        throw ConvoyException.failedPrecondition(
            "campaign " + campaignId + " is " + campaign.state() + " (expected: DRAFT to start it)");
      }
      catalogue.require(campaign.releaseName(), campaign.releaseVersion());
      targets = resolve(campaign.targets());
      if (targets.isEmpty()) {
        throw ConvoyException.failedPrecondition(
            "targets: " + campaign.targets() + " resolve to no enrolled endpoint any more");
      }
      Instant now = clock.instant();
      started = campaign.started(now, targets.size());
      ChangeSet changes = storage.begin();
      for (String endpointId : targets) {
        deployments.put(changes, Deployment.pending(started, endpointId, now));
        endpoints.bumpRevision(changes, endpointId);
      }
      campaigns.addToCount(changes, campaignId, DeploymentState.PENDING, targets.size());
      campaigns.put(changes, started);
      storage.commit(changes);
    } finally {
      lock.unlock();
    }
    logger.info("campaign started campaign={} release={} deployments={}",
        campaignId, started.releaseRef(), targets.size());
    events.changed(campaignId);
    targets.forEach(endpointId -> revisions.revisionChanged(endpointId, endpoints.revision(endpointId)));
    return started;
  }

  /**
   * The enrolled, non-revoked endpoints the targets name, in id order. A group name selects the endpoints enrolled in
   * that static group and, if a dynamic group has that name, the endpoints its query matches now.
   */
  private List<String> resolve(Targets targets) {
    Set<String> groups = new HashSet<>(targets.groups());
    Set<String> ids = new HashSet<>(targets.endpointIds());
    for (String group : targets.groups()) {
      dynamicGroups.members(group).ifPresent(ids::addAll);
    }
    List<String> resolved = new ArrayList<>();
    for (Endpoint endpoint : endpoints.list()) {
      boolean named = targets.all() || groups.contains(endpoint.group()) || ids.contains(endpoint.id());
      if (named && !endpoint.revoked()) {
        resolved.add(endpoint.id());
      }
    }
    return resolved;
  }

  /**
   * Adds a PENDING deployment of a RUNNING campaign for {@code endpointId}, an endpoint that joined a dynamic group
   * the campaign targets, unless it has one in this campaign already: like start, in one durable change with the
   * PENDING counter, the campaign's deployment count and the endpoint's revision; then hints the endpoint. An
   * endpoint that leaves the group later keeps its deployment (as in SCCM: membership changes do not retract work).
   * Holds the campaign's lock, so it cannot interleave with {@link #start}: a campaign seen here as DRAFT is
   * resolved by its start after this call, which sees the inventory that made the endpoint join.
   *
   * @return whether a deployment was created
   */
  public boolean enlist(String campaignId, String endpointId) {
    Campaign updated;
    Lock lock = locks.forKey(campaignId);
    lock.lock();
    try {
      Campaign campaign = campaigns.find(campaignId).orElse(null);
      boolean eligible = campaign != null && campaign.state() == CampaignState.RUNNING
          && endpoints.find(endpointId).filter(e -> !e.revoked()).isPresent()
          && deployments.findByCampaignAndEndpoint(campaignId, endpointId).isEmpty();
      if (!eligible) {
        return false;
      }
      updated = campaign.withDeploymentAdded();
      ChangeSet changes = storage.begin();
      deployments.put(changes, Deployment.pending(updated, endpointId, clock.instant()));
      endpoints.bumpRevision(changes, endpointId);
      campaigns.addToCount(changes, campaignId, DeploymentState.PENDING, 1);
      campaigns.put(changes, updated);
      storage.commit(changes);
    } finally {
      lock.unlock();
    }
    logger.info("campaign enlisted endpoint campaign={} endpoint={} deployments={}", campaignId, endpointId,
        updated.deploymentCount());
    events.changed(campaignId);
    revisions.revisionChanged(endpointId, endpoints.revision(endpointId));
    return true;
  }

  /** Campaigns that are DRAFT or RUNNING and target one of {@code groups} (candidates for {@link #enlist}). */
  public List<Campaign> openTargeting(Set<String> groups) {
    return campaigns.list().stream()
        .filter(c -> c.state() == CampaignState.DRAFT || c.state() == CampaignState.RUNNING)
        .filter(c -> c.targets().groups().stream().anyMatch(groups::contains))
        .toList();
  }

  /** Marks the campaign COMPLETED if it is RUNNING and every deployment is terminal; a no-op otherwise. */
  void completeIfDone(String campaignId) {
    Lock lock = locks.forKey(campaignId);
    lock.lock();
    try {
      Campaign campaign = require(campaignId);
      if (campaign.state() != CampaignState.RUNNING || !allTerminal(campaign)) {
        return;
      }
      ChangeSet changes = storage.begin();
      campaigns.put(changes, campaign.completed(clock.instant()));
      storage.commit(changes);
    } finally {
      lock.unlock();
    }
    logger.info("campaign completed campaign={}", campaignId);
    events.changed(campaignId);
  }

  private boolean allTerminal(Campaign campaign) {
    long terminal = campaigns.counts(campaign.id()).entrySet().stream()
        .filter(e -> e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
    return terminal >= campaign.deploymentCount();
  }

  /**
   * Finishes what a crash may have interrupted: a RUNNING campaign whose last deployment became terminal just before
   * the server stopped is completed now. Call once at start.
   */
  public void recover() {
    campaigns.list().stream().filter(c -> c.state() == CampaignState.RUNNING)
        .forEach(c -> completeIfDone(c.id()));
  }

  /** @throws ConvoyException NOT_FOUND naming the campaign id */
  public Campaign require(String campaignId) {
    return campaigns.find(campaignId)
        .orElseThrow(() -> ConvoyException.notFound("campaign_id: " + campaignId + " not found"));
  }

  /** Every campaign, oldest first. */
  public List<Campaign> list() {
    return campaigns.list().stream().sorted(Comparator.comparing(Campaign::createdAt)
        .thenComparing(Campaign::id)).toList();
  }

  /** The campaign with its counters and its deployments (by endpoint id). */
  public CampaignStatus status(String campaignId) {
    Campaign campaign = require(campaignId);
    Map<DeploymentState, Long> counts = campaigns.counts(campaignId);
    List<CampaignStatus.DeploymentView> views = deployments.listByCampaign(campaignId).stream()
        .sorted(Comparator.comparing(Deployment::endpointId))
        .map(d -> new CampaignStatus.DeploymentView(d,
            endpoints.find(d.endpointId()).map(Endpoint::hostname).orElse("")))
        .toList();
    return new CampaignStatus(campaign, counts, views);
  }

  /**
   * The campaign with its counters and only {@code endpointId}'s deployment.
   *
   * @throws ConvoyException NOT_FOUND naming the campaign, or the endpoint if it has no deployment in the campaign
   */
  public CampaignStatus status(String campaignId, String endpointId) {
    Campaign campaign = require(campaignId);
    Deployment deployment = deployments.findByCampaignAndEndpoint(campaignId, endpointId)
        .orElseThrow(() -> ConvoyException.notFound("endpoint_id: " + endpointId + " has no deployment in campaign "
            + campaignId));
    return new CampaignStatus(campaign, campaigns.counts(campaignId), List.of(new CampaignStatus.DeploymentView(
        deployment, endpoints.find(endpointId).map(Endpoint::hostname).orElse(""))));
  }

  /** Registers a listener for changes of one campaign. */
  public CampaignEvents.Subscription subscribe(String campaignId, CampaignListener listener) {
    return events.subscribe(campaignId, listener);
  }
}
