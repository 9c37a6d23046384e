package dev.convoy.server.campaign;

import dev.convoy.server.endpoint.EndpointNames;
import dev.convoy.server.error.ConvoyException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which endpoints a campaign is for: every enrolled endpoint, or the union of some groups and some endpoint ids.
 * Validated on construction (duplicates dropped, order kept).
 *
 * @throws ConvoyException INVALID_ARGUMENT naming {@code targets}, {@code targets.groups} or
 *     {@code targets.endpoint_ids}
 */
public record Targets(boolean all, List<String> groups, List<String> endpointIds, List<String> excludeGroups,
    List<String> excludeEndpointIds) {
  public static final int MAX_GROUPS = 1_000;
  public static final int MAX_ENDPOINT_IDS = 100_000;

  public Targets {
    groups = List.copyOf(new LinkedHashSet<>(groups));
    endpointIds = List.copyOf(new LinkedHashSet<>(endpointIds));
    excludeGroups = List.copyOf(new LinkedHashSet<>(excludeGroups));
    excludeEndpointIds = List.copyOf(new LinkedHashSet<>(excludeEndpointIds));
    if (all && (!groups.isEmpty() || !endpointIds.isEmpty())) {
      throw ConvoyException.invalidArgument(
          "targets: all together with groups or endpoint ids (expected: either all, or groups and/or endpoint ids)");
    }
    if (!all && groups.isEmpty() && endpointIds.isEmpty()) {
      throw ConvoyException.invalidArgument("targets: empty (expected: all, groups or endpoint ids)");
    }
    if (groups.size() > MAX_GROUPS || endpointIds.size() > MAX_ENDPOINT_IDS) {
      throw ConvoyException.invalidArgument("targets: " + groups.size() + " groups and " + endpointIds.size()
          + " endpoint ids (expected: at most " + MAX_GROUPS + " and " + MAX_ENDPOINT_IDS + ")");
    }
    groups.forEach(group -> EndpointNames.requireGroup("targets.groups", group));
    endpointIds.forEach(id -> EndpointNames.requireEndpointId("targets.endpoint_ids", id));
    if (excludeGroups.size() > MAX_GROUPS || excludeEndpointIds.size() > MAX_ENDPOINT_IDS) {
      throw ConvoyException.invalidArgument("targets: " + excludeGroups.size() + " excluded groups and "
          + excludeEndpointIds.size() + " excluded endpoint ids (expected: at most " + MAX_GROUPS + " and "
          + MAX_ENDPOINT_IDS + ")");
    }
    excludeGroups.forEach(group -> EndpointNames.requireGroup("targets.exclude_groups", group));
    excludeEndpointIds.forEach(id -> EndpointNames.requireEndpointId("targets.exclude_endpoint_ids", id));
  }

  /** Targets without exclusions. */
  public Targets(boolean all, List<String> groups, List<String> endpointIds) {
    this(all, groups, endpointIds, List.of(), List.of());
  }

  public static Targets everyEndpoint() {
    return new Targets(true, List.of(), List.of(), List.of(), List.of());
  }

  /** As an operator writes them: {@code all}, or {@code group:lab,endpoint:ep-...}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (all) {
      parts.add("all");
    }
    groups.forEach(group -> parts.add("group:" + group));
    endpointIds.forEach(id -> parts.add("endpoint:" + id));
    excludeGroups.forEach(group -> parts.add("-group:" + group));
    excludeEndpointIds.forEach(id -> parts.add("-endpoint:" + id));
    String text = String.join(",", parts);
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
