package dev.convoy.server.campaign;

import dev.convoy.server.catalogue.CatalogueService;
import dev.convoy.server.endpoint.EndpointStore;
import dev.convoy.server.endpoint.RevisionListener;
import dev.convoy.server.storage.Storage;
import java.time.Clock;

/**
 * What the campaign engine's services share: its stores, clock, listeners and locks. One per server.
 *
 * @param revisions told after a durable change that an endpoint's desired state has a new revision
 * @param dynamicGroups resolves targets {@code group:NAME} that name a dynamic group
 * @param zones the endpoints' own time zones
 * @param governance RACI, approvals and readiness ({@link GovernanceGate#OPEN} without)
 */
public record CampaignContext(CampaignStore campaigns, DeploymentStore deployments, TimerStore timers,
    CatalogueService catalogue, EndpointStore endpoints, Storage storage, Clock clock, CampaignEvents events,
    RevisionListener revisions, DynamicGroups dynamicGroups, EndpointZones zones, Guards guards,
    GovernanceGate governance) {

  public CampaignContext {
    governance = java.util.Objects.requireNonNullElse(governance, GovernanceGate.OPEN);
  }

  /** A context without governance ({@link GovernanceGate#OPEN}). */
  public CampaignContext(CampaignStore campaigns, DeploymentStore deployments, TimerStore timers,
      CatalogueService catalogue, EndpointStore endpoints, Storage storage, Clock clock, CampaignEvents events,
      RevisionListener revisions, DynamicGroups dynamicGroups, EndpointZones zones, Guards guards) {
    this(campaigns, deployments, timers, catalogue, endpoints, storage, clock, events, revisions, dynamicGroups,
        zones, guards, GovernanceGate.OPEN);
  }

  /** A context whose campaigns {@code governance} gates. */
  public CampaignContext(CampaignStore campaigns, DeploymentStore deployments, TimerStore timers,
      CatalogueService catalogue, EndpointStore endpoints, Storage storage, Clock clock, CampaignEvents events,
      RevisionListener revisions, DynamicGroups dynamicGroups, EndpointZones zones, GovernanceGate governance) {
    this(campaigns, deployments, timers, catalogue, endpoints, storage, clock, events, revisions, dynamicGroups,
        zones, new Guards(), governance);
  }

  public CampaignContext(CampaignStore campaigns, DeploymentStore deployments, TimerStore timers,
      CatalogueService catalogue, EndpointStore endpoints, Storage storage, Clock clock, CampaignEvents events,
      RevisionListener revisions, DynamicGroups dynamicGroups, EndpointZones zones) {
    this(campaigns, deployments, timers, catalogue, endpoints, storage, clock, events, revisions, dynamicGroups,
        zones, new Guards());
  }

  /** The zone windows are judged in for this endpoint: its own, else the windows' fixed zone, else UTC. */
  java.time.ZoneId zoneOf(String endpointId, dev.convoy.server.window.Windows windows) {
    return zones.zoneOf(endpointId).orElseGet(() -> fixedZone(windows));
  }

  /** The first fixed zone among the windows, else UTC (for views that are not about one endpoint). */
  static java.time.ZoneId fixedZone(dev.convoy.server.window.Windows windows) {
    return windows.schedules().stream().map(dev.convoy.server.window.WindowSchedule::fixedZone)
        .flatMap(java.util.Optional::stream).findFirst().orElse(java.time.ZoneOffset.UTC);
  }
}
