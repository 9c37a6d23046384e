package dev.convoy.server.knowledge;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignStore;
import dev.convoy.server.campaign.Deployment;
import dev.convoy.server.campaign.DeploymentAction;
import dev.convoy.server.campaign.DeploymentStore;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.common.Require;
import dev.convoy.server.common.StripedLocks;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.group.GroupService;
import dev.convoy.server.group.GroupSummary;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training attestations: recording what agents report (durable before acknowledged, idempotent) and counting them
 * per group for {@code convoy release training N@V}. Thread-safe.
 */
public final class TrainingService {
  private static final Logger logger = LoggerFactory.getLogger(TrainingService.class);
  static final int MAX_USER = 128;

  private final AttestationStore attestations;
  private final DocumentService documents;
  private final CatalogueService catalogue;
  private final CampaignStore campaigns;
  private final DeploymentStore deployments;
  private final GroupService groups;
  private final Storage storage;
  private final Clock clock;
  private final StripedLocks locks = new StripedLocks(32);

  public TrainingService(AttestationStore attestations, DocumentService documents, CatalogueService catalogue,
      CampaignStore campaigns, DeploymentStore deployments, GroupService groups, Storage storage, Clock clock) {
    this.attestations = attestations;
    this.documents = documents;
    this.catalogue = catalogue;
    this.campaigns = campaigns;
    this.deployments = deployments;
    this.groups = groups;
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * Records that {@code user} on {@code endpointId} took the training item {@code item} of {@code name@version}.
   *
   * @return false when exactly this attestation was recorded before (nothing changes)
   * @throws ConvoyException NOT_FOUND for an unknown release; INVALID_ARGUMENT for an item that is not the release's
   *     training item or a malformed user name
   */
  public boolean attest(String endpointId, String name, String version, String item, String user,
      Instant attestedAt) {
    Require.text("user", user, MAX_USER);
    if (user.chars().anyMatch(Character::isISOControl)) {
      throw ConvoyException.invalidArgument("user: contains control characters (expected: a user name)");
    }
    TrainingItem training = item(name, version);
    if (!training.title().equals(item)) {
      throw ConvoyException.invalidArgument("item: " + Require.shown(item) + " (expected: '" + training.title()
          + "', the training item of " + name + "@" + version + ")");
    }
    Lock lock = locks.forKey(endpointId + "/" + name + "@" + version);
    lock.lock();
    try {
      if (attestations.find(name, version, endpointId, item, user).isPresent()) {
        return false;
      }
      ChangeSet changes = storage.begin();
      attestations.put(changes, new Attestation(endpointId, name, version, item, user, attestedAt,
          clock.instant()));
      storage.commit(changes);
      logger.info("training attested release={}@{} endpoint={} user={}", name, version, endpointId, user);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** {@link #report(String, String, Set)} for a person who may see every endpoint. */
  public TrainingReport report(String name, String version) {
    return report(name, version, Set.of());
  }

  /**
   * Per group: endpoints targeted by an install campaign of the release (or that attested), and how many attested.
   *
   * @param scopes the groups the asking person is limited to; empty: every endpoint. A scoped person sees only
   *     those groups, and totals over their endpoints only.
   * @throws ConvoyException NOT_FOUND for an unknown release; FAILED_PRECONDITION for one without a training item
   */
  public TrainingReport report(String name, String version, Set<String> scopes) {
    TrainingItem item = item(name, version);
    Set<String> attested = attestations.list(name, version).stream().map(Attestation::endpointId)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> population = new TreeSet<>(attested);
    for (Campaign campaign : campaigns.list()) {
      if (campaign.releaseName().equals(name) && campaign.releaseVersion().equals(version)
          && campaign.action() == DeploymentAction.INSTALL) {
        deployments.listByCampaign(campaign.id()).stream().map(Deployment::endpointId).forEach(population::add);
      }
    }
    if (!scopes.isEmpty()) {
      Set<String> visible = new TreeSet<>();
      scopes.forEach(g -> visible.addAll(members(g)));
      population.retainAll(visible);
      attested.retainAll(visible);
    }
    List<TrainingCount> counts = new ArrayList<>();
    for (GroupSummary summary : groups.list()) {
      String group = summary.group().name();
      if (!scopes.isEmpty() && !scopes.contains(group)) {
        continue;
      }
      Set<String> members = groups.get(group).members().stream().map(v -> v.endpoint().id())
          .filter(population::contains).collect(Collectors.toSet());
      if (!members.isEmpty()) {
        counts.add(new TrainingCount(group, members.size(), (int) members.stream().filter(attested::contains)
            .count()));
      }
    }
    return new TrainingReport(item, counts, population.size(), attested.size());
  }

  private Set<String> members(String group) {
    try {
      return groups.get(group).members().stream().map(v -> v.endpoint().id()).collect(Collectors.toSet());
    } catch (ConvoyException e) {
      return Set.of(); // a scope naming a group that does not exist (any more) shows nothing
    }
  }

  private TrainingItem item(String name, String version) {
    Release release = catalogue.require(name, version);
    return documents.describe(release.name(), release.version()).training()
        .orElseThrow(() -> ConvoyException.failedPrecondition("release: " + release.ref() + " has no training item"
            + " (expected: a release built with --training-link or --training-file)"));
  }
}
