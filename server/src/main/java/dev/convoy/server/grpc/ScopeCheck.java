package dev.convoy.server.grpc;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.DynamicGroups;
import dev.convoy.server.campaign.Targets;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.people.Scope;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one place where a caller's scope (README "Roles", docs/roles.md "Scope") is applied to what a call names.
 * An endpoint is in scope when its enrollment group, or a dynamic group whose query matches it now, is one of the
 * caller's groups. A campaign is in scope when what its targets <em>name</em> is: not {@code all}, every target group
 * one of the caller's groups, every target endpoint in scope (so its resolved targets all lie in the scope, now and
 * when a dynamic group grows). Unscoped callers pass every check. Refusals are PERMISSION_DENIED naming the thing
 * and the caller's scope; nothing out of scope is looked up first, so a refusal does not tell whether it exists.
 *
 * <p>Reads the caller from the gRPC context ({@link Principal#current()}). Thread-safe.
 */
final class ScopeCheck {
  private final EndpointService endpoints;
  private final DynamicGroups dynamicGroups;
  private final Function<String, Campaign> campaigns;

  /** @param campaigns the campaign by id; throws NOT_FOUND for an unknown one */
  ScopeCheck(EndpointService endpoints, DynamicGroups dynamicGroups, Function<String, Campaign> campaigns) {
    this.endpoints = endpoints;
    this.dynamicGroups = dynamicGroups;
    this.campaigns = campaigns;
  }

  /** The caller's scope. */
  static Scope scope() {
    return new Scope(Principal.current().scopes());
  }

  /** @throws ConvoyException PERMISSION_DENIED unless the endpoint {@code id} is in the caller's scope */
  void requireEndpoint(String field, String id) {
    Scope scope = scope();
    if (!scope.unlimited() && !inScope(scope, id)) {
      throw denied(field + ": endpoint " + id, scope);
    }
  }

  void requireEndpoints(String field, Collection<String> ids) {
    ids.forEach(id -> requireEndpoint(field, id));
  }

  /** @throws ConvoyException PERMISSION_DENIED unless {@code group} is one of the caller's groups */
  void requireGroup(String field, String group) {
    Scope scope = scope();
    if (!scope.includesGroup(group)) {
      throw denied(field + ": group " + group, scope);
    }
  }

  /** @throws ConvoyException PERMISSION_DENIED if the caller is scoped: {@code what} is for unscoped persons */
  void requireUnscoped(String what) {
    Scope scope = scope();
    if (!scope.unlimited()) {
      throw denied(what + " is for persons without scope", scope);
    }
  }

  /** @throws ConvoyException PERMISSION_DENIED unless every target the fields name lies in the caller's scope */
  void requireTargets(boolean all, List<String> groups, List<String> endpointIds) {
    Scope scope = scope();
    if (scope.unlimited()) {
      return;
    }
    if (all) {
      throw denied("targets: all", scope);
    }
    groups.forEach(group -> requireGroup("targets.groups", group));
    requireEndpoints("targets.endpoint_ids", endpointIds);
  }

  /**
   * @return the campaign, when it lies in the caller's scope
   * @throws ConvoyException NOT_FOUND for an unknown campaign; PERMISSION_DENIED for one whose targets reach beyond
   *     the caller's scope
   */
  Campaign requireCampaign(String campaignId) {
    Campaign campaign = campaigns.apply(campaignId);
    Scope scope = scope();
    if (!scope.unlimited() && !inScope(scope, campaign.targets())) {
      throw denied("campaign " + campaignId + " (targets: " + campaign.targets() + ")", scope);
    }
    return campaign;
  }

  /** Which endpoint ids the caller may see; computed once per call, then cheap. */
  Predicate<String> endpointFilter() {
    Scope scope = scope();
    if (scope.unlimited()) {
      return id -> true;
    }
    Set<String> visible = new HashSet<>();
    for (String group : scope.groups()) {
      dynamicGroups.members(group).ifPresent(visible::addAll);
    }
    endpoints.list().stream().map(view -> view.endpoint())
        .filter(e -> scope.groups().contains(e.group())).forEach(e -> visible.add(e.id()));
    return visible::contains;
  }

  /** Which groups the caller may see. */
  Predicate<String> groupFilter() {
    return scope()::includesGroup;
  }

  /** Which campaigns the caller may see. */
  Predicate<Campaign> campaignFilter() {
    Scope scope = scope();
    return campaign -> scope.unlimited() || inScope(scope, campaign.targets());
  }

  private boolean inScope(Scope scope, Targets targets) {
    return !targets.all() && targets.groups().stream().allMatch(scope::includesGroup)
        && targets.endpointIds().stream().allMatch(id -> inScope(scope, id));
  }

  private boolean inScope(Scope scope, String endpointId) {
    String group = endpoints.find(endpointId).map(Endpoint::group).orElse(null);
    if (group == null) {
      return false;
    }
    return scope.groups().contains(group) || scope.groups().stream()
        .anyMatch(g -> dynamicGroups.members(g).map(members -> members.contains(endpointId)).orElse(false));
  }

  private static ConvoyException denied(String what, Scope scope) {
    Principal caller = Principal.current();
    return ConvoyException.permissionDenied(what + " is outside the scope of " + caller.name() + " ("
        + scope + ")");
  }
}
