package dev.convoy.server.group;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignService;
import dev.convoy.server.inventory.InventoryChange;
import dev.convoy.server.inventory.InventoryListener;
import dev.convoy.server.inventory.query.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps campaigns that target dynamic groups up to date with the inventory: after an endpoint's report changed a
 * fact that a dynamic group's query reads, and the endpoint now matches it, every open campaign targeting that group
 * gets a deployment for the endpoint if it has none ({@link CampaignService#enlist}). An endpoint that stops
 * matching keeps its deployment. Thread-safe.
 */
public final class CampaignPickup implements InventoryListener {
  private static final Logger logger = LoggerFactory.getLogger(CampaignPickup.class);

  private final GroupService groups;
  private final CampaignService campaigns;

  public CampaignPickup(GroupService groups, CampaignService campaigns) {
    this.groups = groups;
    this.campaigns = campaigns;
  }

  @Override
  public void inventoryApplied(InventoryChange change) {
    if (change.changedPaths().isEmpty() || groups.definitions().isEmpty()) {
      return;
    }
    Set<String> joined = new TreeSet<>();
    for (GroupService.Definition definition : groups.definitions()) {
      if (readsAny(definition.paths(), change.changedLeaves()) && definition.query().matches(change.document())) {
        joined.add(definition.group().name());
      }
    }
    if (joined.isEmpty()) {
      return;
    }
    for (Campaign campaign : campaigns.openTargeting(joined)) {
      if (campaigns.enlist(campaign.id(), change.endpointId())) {
        logger.info("endpoint joined a campaign through a dynamic group endpoint={} campaign={} groups={}",
            change.endpointId(), campaign.id(), joined);
      }
    }
  }

  private static boolean readsAny(Set<Path> paths, List<Path> changed) {
    for (Path path : paths) {
      for (Path leaf : changed) {
        if (path.overlaps(leaf)) {
          return true;
        }
      }
    }
    return false;
  }
}
