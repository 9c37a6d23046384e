package dev.convoy.server.technician;

import dev.convoy.server.campaign.DynamicGroups;
import dev.convoy.server.campaign.TargetInventory;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.inventory.InventoryService;
import java.util.List;
import java.util.Set;

/**
 * {@link JobSites} over the endpoint records, the groups and the inventory: a technician scoped to groups serves an
 * endpoint whose enrollment group, or one of whose dynamic groups, is among them. Thread-safe.
 */
public final class EndpointDirectory implements JobSites {
  private static final String USERS = "users.logged_in[";

  private final EndpointService endpoints;
  private final DynamicGroups groups;
  private final InventoryService inventory;
  private final TargetInventory installed;

  public EndpointDirectory(EndpointService endpoints, DynamicGroups groups, InventoryService inventory,
      TargetInventory installed) {
    this.endpoints = endpoints;
    this.groups = groups;
    this.inventory = inventory;
    this.installed = installed;
  }

  @Override
  public String hostname(String endpointId) {
    return endpoints.find(endpointId).map(Endpoint::hostname).orElse("");
  }

  @Override
  public List<String> users(String endpointId) {
    return inventory.inventory(endpointId).map(stored -> stored.facts().entrySet().stream()
        .filter(e -> e.getKey().startsWith(USERS)).map(e -> String.valueOf(e.getValue())).distinct().toList())
        .orElse(List.of());
  }

  @Override
  public String group(String endpointId) {
    return endpoints.find(endpointId).map(Endpoint::group).orElse("");
  }

  @Override
  public boolean inScope(String endpointId, Set<String> scopes) {
    return scopes.isEmpty() || scopes.stream().anyMatch(scope -> inGroup(endpointId, scope));
  }

  @Override
  public boolean inGroup(String endpointId, String group) {
    if (group.equals(group(endpointId))) {
      return true;
    }
    return groups.members(group).map(members -> members.contains(endpointId)).orElse(false);
  }

  @Override
  public String installedVersion(String endpointId, String packageName) {
    return installed.installedVersion(endpointId, packageName).orElse("");
  }
}
