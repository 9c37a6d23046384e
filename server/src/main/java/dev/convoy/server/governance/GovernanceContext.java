package dev.convoy.server.governance;

import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignStore;
import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.common.StripedLocks;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.people.Person;
import dev.convoy.server.people.PersonService;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the governance services share: stores, clock, settings, the event port, and the per-campaign (or release)
 * locks that serialise read-modify-write of a governance record. Those locks are leaves under the campaign engine's
 * own locks: governance never takes an engine lock. Thread-safe.
 */
final class GovernanceContext {
  final GovernanceStore store;
  final CampaignStore campaigns;
  final CatalogueService catalogue;
  final PersonService people;
  final AuditLog audit;
  final Clock clock;
  final GovernanceConfig config;
  final GovernanceEvents events;
  private final StripedLocks locks = new StripedLocks(64);
  /** Campaign id → whether a notice override stands; read on every install permit, so kept in memory. */
  private final Map<String, Boolean> overrides = new ConcurrentHashMap<>();

  GovernanceContext(GovernanceStore store, CampaignStore campaigns, CatalogueService catalogue, PersonService people,
      AuditLog audit, Clock clock, GovernanceConfig config, GovernanceEvents events) {
    this.store = store;
    this.campaigns = campaigns;
    this.catalogue = catalogue;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
    this.config = config;
    this.events = events;
  }

  ReentrantLock lock(String key) {
    return locks.forKey(key);
  }

  /** @throws ConvoyException NOT_FOUND naming the campaign */
  Campaign campaign(String campaignId) {
    return campaigns.find(campaignId)
        .orElseThrow(() -> ConvoyException.notFound("campaign_id: " + campaignId + " not found"));
  }

  /** A campaign's record; a campaign from before governance existed counts as production without RACI. */
  CampaignGovernance governance(String campaignId) {
    return store.campaign(campaignId).orElseGet(() -> CampaignGovernance.created(campaignId, false, null));
  }

  Release release(Campaign campaign) {
    return catalogue.require(campaign.releaseName(), campaign.releaseVersion());
  }

  /** The certificate subject of person {@code name}, if known. */
  Optional<String> subjectOf(String name) {
    return people.find(name).map(Person::subject);
  }

  /** Whether {@code name} is the person who created {@code campaign}. */
  boolean isCreator(String name, Campaign campaign) {
    return subjectOf(name).map(s -> s.equals(campaign.createdBy())).orElse(false);
  }

  boolean noticeOverridden(String campaignId) {
    return overrides.computeIfAbsent(campaignId,
        id -> store.campaign(id).map(g -> g.noticeOverride() != null).orElse(false));
  }

  void forgetOverride(String campaignId) {
    overrides.remove(campaignId);
  }
}
