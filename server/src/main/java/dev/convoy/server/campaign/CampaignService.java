package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.WaveSpec;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.common.RandomIds;
import dev.convoy.server.error.ConvoyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns: create (DRAFT, every field checked), start (SCHEDULED until its start time, then RUNNING: targets
 * resolved, put into waves, the first wave opened), endpoints that join a targeted dynamic group later, and the
 * restart recovery. Commands on a running campaign are in {@link CampaignCommands}; views in
 * {@link CampaignViews}.
 *
 * <p>Thread-safe: see {@link Guards}.
 */
public final class CampaignService {
  private static final Logger logger = LoggerFactory.getLogger(CampaignService.class);

  /** How often a scheduled start held by governance is looked at again. */
  static final java.time.Duration HOLD_RECHECK = java.time.Duration.ofMinutes(1);

  private final CampaignContext ctx;
  private final WaveController waves;
  private final ReleaseRequirements requirements;

  CampaignService(CampaignContext ctx, WaveController waves, ReleaseRequirements requirements) {
    this.ctx = ctx;
    this.waves = waves;
    this.requirements = requirements;
  }

  /**
   * Creates a DRAFT campaign.
   *
   * @throws ConvoyException NOT_FOUND if the release does not exist; FAILED_PRECONDITION if a downgrade is asked
   *     for a release whose signed manifest does not allow one; INVALID_ARGUMENT naming the field for targets that
   *     select no enrolled endpoint, an unknown endpoint id, or a plan field out of range (thresholds, windows,
   *     zones, waves over 100 %, a group wave selecting none of the targets …); FAILED_PRECONDITION when the
   *     release's dependencies, conflicts or OS requirements do not fit its targets ({@link ReleaseRequirements})
   */
  public Campaign create(NewCampaign request) {
    return create(request, false, "");
  }

  /**
   * Creates a DRAFT campaign, a pilot or a production one, as {@link #create(NewCampaign)} does; governance
   * ({@link GovernanceGate#created}) may refuse it and records what it keeps in the same batch.
   *
   * @param pilot a pilot: few targets, exempt from readiness and approval
   * @throws ConvoyException as {@link #create(NewCampaign)}, and what governance refuses
   */
  public Campaign create(NewCampaign request, boolean pilot) {
    return create(request, pilot, "");
  }

  private Campaign create(NewCampaign request, boolean pilot, String rollbackOf) {
    Release release = ctx.catalogue().require(request.releaseName(), request.releaseVersion());
    if (request.allowDowngrade() && !release.allowsDowngrade()) {
      throw ConvoyException.failedPrecondition("release " + release.ref() + " does not allow downgrades (its"
          + " manifest's downgrade flag is false)");
    }
    Instant now = ctx.clock().instant();
    boolean phased = request.rollout() == Rollout.PHASED;
    CampaignPlan plan = request.plan().validated(phased, now);
    List<String> targets = vet(release, request.action(), request.targets(), plan);
    Campaign campaign = new Campaign(RandomIds.next("cmp-"), request.title(), request.releaseName(),
        request.releaseVersion(), request.targets(), CampaignState.DRAFT, request.delivery(), request.rollout(),
        request.execution(), request.createdBy(), now, null, null, 0, request.action(), request.allowDowngrade(),
        plan, List.of(), "", rollbackOf);
    Tx tx = new Tx(ctx);
    tx.put(campaign);
    ctx.governance().created(tx.changes(), campaign, pilot, targets.size());
    tx.commit();
    logger.info("campaign created campaign={} release={} action={} axes={}/{}/{} targets={} waves={} pilot={} by={}",
        campaign.id(), campaign.releaseRef(), campaign.action(), campaign.delivery(), campaign.rollout(),
        campaign.execution(), campaign.targets(), plan.effectiveWaves(phased).size(), pilot, campaign.createdBy());
    return campaign;
  }

  /**
   * Checks targets and plan against the release: endpoint ids enrolled, at least one target, the release's
   * requirements, group waves holding targets. Used at creation and by an edit.
   *
   * @return the targets resolved now
   */
  List<String> vet(Release release, DeploymentAction action, Targets requested, CampaignPlan plan) {
    for (String id : requested.endpointIds()) {
      if (ctx.endpoints().find(id).isEmpty()) {
        throw ConvoyException.invalidArgument("targets.endpoint_ids: " + id + " (expected: an enrolled endpoint)");
      }
    }
    TargetResolver resolver = new TargetResolver(ctx);
    List<String> targets = resolver.resolve(requested);
    if (targets.isEmpty()) {
      throw ConvoyException.invalidArgument(
          "targets: " + requested + " (expected: at least one enrolled endpoint)");
    }
    requirements.check(release, action, targets);
    for (int i = 0; i < plan.waves().size(); i++) {
      WaveSpec wave = plan.waves().get(i);
      if (wave.byGroups() && targets.stream().noneMatch(t -> wave.groups().stream()
          .anyMatch(g -> resolver.inGroup(t, g)))) {
        throw ConvoyException.invalidArgument("waves[" + i + "].groups: " + wave.groups()
            + " (expected: groups that hold at least one of the campaign's targets)");
      }
    }
    return targets;
  }

  /** A wave rollback's campaign: created like {@link #create}, with its origin recorded (the backout plan). */
  Campaign createRollback(NewCampaign request, String rollbackOf) {
    return create(request, false, rollbackOf);
  }

  /**
   * Starts a DRAFT campaign: SCHEDULED if its start time is in the future (it starts by itself then), else at
   * once: in one durable change, its targets resolved into waves, one deployment per target (PENDING in the first
   * wave, QUEUED in the others), the counters, the first wave's endpoints' revisions, and the campaign RUNNING.
   *
   * @throws ConvoyException NOT_FOUND for an unknown campaign, FAILED_PRECONDITION if it is not DRAFT or its
   *     targets no longer resolve to any endpoint
   */
  public Campaign start(String campaignId) {
    Lock lock = ctx.guards().campaign(campaignId);
    lock.lock();
    try {
      Campaign campaign = require(campaignId);
      if (campaign.state() != CampaignState.DRAFT) {
        throw ConvoyException.failedPrecondition(
            "campaign " + campaignId + " is " + campaign.state() + " (expected: DRAFT to start it)");
      }
      ctx.catalogue().require(campaign.releaseName(), campaign.releaseVersion());
      Instant startAt = campaign.plan().startAt();
      if (startAt != null && startAt.isAfter(ctx.clock().instant())) {
        Tx tx = new Tx(ctx);
        Campaign scheduled = campaign.moved(CampaignState.SCHEDULED, tx.now(), "starts at " + startAt);
        tx.put(scheduled);
        tx.putTimer(Timer.campaignStart(scheduled, startAt));
        tx.commit();
        logger.info("campaign scheduled campaign={} startAt={}", campaignId, startAt);
        return scheduled;
      }
      return begin(campaign);
    } finally {
      lock.unlock();
    }
  }

  /** The start time of a SCHEDULED campaign came (its timer): it begins, or a stale timer is dropped. */
  void startScheduled(Timer timer) {
    Lock lock = ctx.guards().campaign(timer.campaignId());
    lock.lock();
    try {
      Campaign campaign = ctx.campaigns().find(timer.campaignId()).orElse(null);
      Optional<String> blocker = campaign != null && campaign.state() == CampaignState.SCHEDULED
          ? ctx.governance().startBlocker(campaign) : Optional.empty();
      if (blocker.isPresent()) {
        hold(campaign, timer, blocker.get());
        return;
      }
      if (campaign != null && campaign.state() == CampaignState.SCHEDULED) {
        try {
          begin(campaign);
        } catch (ConvoyException e) {
          Tx tx = new Tx(ctx);
          tx.put(campaign.moved(CampaignState.CANCELLED, tx.now(), "could not start at its start time: "
              + e.getMessage()));
          tx.deleteTimer(timer);
          tx.commit();
          logger.warn("scheduled campaign could not start campaign={} reason=\"{}\"", campaign.id(), e.getMessage());
          return;
        }
      }
      Tx tx = new Tx(ctx);
      tx.deleteTimer(timer);
      tx.commit();
    } finally {
      lock.unlock();
    }
  }

  /**
   * A scheduled start that governance holds: the campaign stays SCHEDULED with the reason in its state reason (as
   * status shows it), and is looked at again every {@link #HOLD_RECHECK}, so it starts soon after the approval.
   */
  private void hold(Campaign campaign, Timer timer, String blocker) {
    String reason = "awaiting approval: " + blocker;
    Tx tx = new Tx(ctx);
    boolean changed = !reason.equals(campaign.stateReason());
    if (changed) {
      tx.put(campaign.withStateReason(reason));
    }
    tx.deleteTimer(timer);
    tx.putTimer(Timer.campaignStart(campaign, tx.now().plus(HOLD_RECHECK)));
    tx.commit();
    if (changed) {
      logger.warn("scheduled campaign not started campaign={} startAt={} reason=\"{}\"", campaign.id(),
          campaign.plan().startAt(), reason);
      ctx.governance().startHeld(campaign, reason);
    }
  }

  private Campaign begin(Campaign campaign) {
    TargetResolver resolver = new TargetResolver(ctx);
    List<String> targets = resolver.resolve(campaign.targets());
    if (targets.isEmpty()) {
      throw ConvoyException.failedPrecondition(
          "targets: " + campaign.targets() + " resolve to no enrolled endpoint any more");
    }
    ctx.governance().checkStart(campaign, targets.size());
    List<WaveSpec> specs = campaign.plan().effectiveWaves(campaign.phased());
    List<List<String>> members = WaveAssignment.assign(specs, targets, resolver::inGroup);
    boolean implicitRest = campaign.phased() && specs.size() > campaign.plan().waves().size();
    if (implicitRest && members.get(members.size() - 1).isEmpty()) {
      // the "rest" wave catches targets the given waves leave over; when there are none it would stay open forever
      specs = specs.subList(0, specs.size() - 1);
      members = members.subList(0, members.size() - 1);
    }
    int first = 0;
    while (first < specs.size() - 1 && members.get(first).isEmpty()) {
      first++; // empty leading waves pass at once
    }
    Instant now = ctx.clock().instant();
    List<WaveProgress> progress = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      WaveProgress wave = WaveProgress.queued(i, specs.get(i), members.get(i).size());
      progress.add(i < first ? wave.opened(now).withState(WaveState.PASSED) : i == first ? wave.opened(now) : wave);
    }
    Lock bulk = ctx.guards().bulk.writeLock();
    bulk.lock();
    try {
      Tx tx = new Tx(ctx);
      Campaign running = campaign.moved(CampaignState.RUNNING, tx.now(), "").withWaves(progress, targets.size());
      for (int i = 0; i < members.size(); i++) {
        for (String endpointId : members.get(i)) {
          tx.replace(running, null, Deployment.create(running, endpointId, i, i == first, tx.now()), i == first);
        }
      }
      tx.put(running);
      tx.commit();
      logger.info("campaign started campaign={} release={} deployments={} waves={}", running.id(),
          running.releaseRef(), targets.size(), progress.size());
      return running;
    } finally {
      bulk.unlock();
    }
  }

  /**
   * Adds a deployment of a RUNNING or PAUSED campaign for {@code endpointId}, an endpoint that joined a dynamic group
   * the campaign targets, unless it has one in this campaign already. It goes into the last wave (PENDING if that
   * wave is open, else QUEUED). An endpoint that leaves the group later keeps its deployment (as in SCCM).
   *
   * @return whether a deployment was created
   */
  public boolean enlist(String campaignId, String endpointId) {
    Lock lock = ctx.guards().campaign(campaignId);
    lock.lock();
    try {
      Campaign campaign = ctx.campaigns().find(campaignId).orElse(null);
      boolean eligible = campaign != null
          && (campaign.state() == CampaignState.RUNNING || campaign.state() == CampaignState.PAUSED)
          && ctx.endpoints().find(endpointId).filter(e -> !e.revoked()).isPresent()
          && !campaign.targets().excludeEndpointIds().contains(endpointId)
          && ctx.deployments().findByCampaignAndEndpoint(campaignId, endpointId).isEmpty();
      if (!eligible) {
        return false;
      }
      int last = campaign.waves().size() - 1;
      boolean open = campaign.wave(last).state().opened();
      Campaign updated = campaign.withDeploymentAdded(last);
      Tx tx = new Tx(ctx);
      tx.replace(updated, null, Deployment.create(updated, endpointId, last, open, tx.now()), open);
      tx.put(updated);
      tx.commit();
      logger.info("campaign enlisted endpoint campaign={} endpoint={} wave={} deployments={}", campaignId,
          endpointId, last, updated.deploymentCount());
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Campaigns that are DRAFT, SCHEDULED, RUNNING or PAUSED and target one of {@code groups}. */
  public List<Campaign> openTargeting(Set<String> groups) {
    return ctx.campaigns().list().stream()
        .filter(c -> !c.state().isTerminal())
        .filter(c -> c.targets().groups().stream().anyMatch(groups::contains))
        .toList();
  }

  /**
   * Finishes what a crash may have interrupted: every RUNNING campaign's gates are judged again (a final report
   * applied just before the stop may have completed a wave or the campaign). Call once at start.
   */
  public void recover() {
    waves.evaluateAll(ctx.campaigns().list());
  }

  /** @throws ConvoyException NOT_FOUND naming the campaign id */
  public Campaign require(String campaignId) {
    return ctx.campaigns().find(campaignId)
        .orElseThrow(() -> ConvoyException.notFound("campaign_id: " + campaignId + " not found"));
  }

  /** Every campaign, oldest first. */
  public List<Campaign> list() {
    return ctx.campaigns().list().stream().sorted(Comparator.comparing(Campaign::createdAt)
        .thenComparing(Campaign::id)).toList();
  }

  /** Registers a listener for changes of one campaign. */
  public CampaignEvents.Subscription subscribe(String campaignId, CampaignListener listener) {
    return ctx.events().subscribe(campaignId, listener);
  }
}
