package dev.convoy.server.campaign;

import dev.convoy.server.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a campaign's targets into enrolled, non-revoked endpoint ids, and answers "is this endpoint in that group"
 * for wave assignment. A group name selects the endpoints enrolled in that static group and, if a dynamic group has
 * that name, the endpoints its query matches now. Exclusions win over inclusions. Not thread-safe: one per use.
 */
final class TargetResolver {
  private final CampaignContext ctx;
  private final Map<String, Set<String>> dynamic = new HashMap<>();
  private final Map<String, String> staticGroup = new HashMap<>();

  TargetResolver(CampaignContext ctx) {
    this.ctx = ctx;
  }

  /** The endpoints the targets select, in id order. */
  List<String> resolve(Targets targets) {
    Set<String> ids = new HashSet<>(targets.endpointIds());
    Set<String> excluded = new HashSet<>(targets.excludeEndpointIds());
    List<String> resolved = new ArrayList<>();
    for (Endpoint endpoint : ctx.endpoints().list()) {
      staticGroup.put(endpoint.id(), endpoint.group());
      if (endpoint.revoked() || excluded.contains(endpoint.id())) {
        continue;
      }
      boolean named = targets.all() || ids.contains(endpoint.id())
          || targets.groups().stream().anyMatch(g -> inGroup(endpoint.id(), g));
      boolean excludedByGroup = targets.excludeGroups().stream().anyMatch(g -> inGroup(endpoint.id(), g));
      if (named && !excludedByGroup) {
        resolved.add(endpoint.id());
      }
    }
    resolved.sort(null);
    return resolved;
  }

  /** Whether the endpoint is in the static or dynamic group {@code group}. */
  boolean inGroup(String endpointId, String group) {
    String own = staticGroup.computeIfAbsent(endpointId,
        id -> ctx.endpoints().find(id).map(Endpoint::group).orElse(""));
    return own.equals(group) || dynamic.computeIfAbsent(group,
        g -> ctx.dynamicGroups().members(g).orElse(Set.of())).contains(endpointId);
  }
}
