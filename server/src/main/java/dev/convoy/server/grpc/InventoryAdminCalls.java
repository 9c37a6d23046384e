package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.ComplianceReport;
import dev.convoy.protocol.v1.CreateGroupRequest;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.GetComplianceRequest;
import dev.convoy.protocol.v1.GetGroupRequest;
import dev.convoy.protocol.v1.GetInventoryHistoryRequest;
import dev.convoy.protocol.v1.GetInventoryRequest;
import dev.convoy.protocol.v1.GroupMembers;
import dev.convoy.protocol.v1.InventoryHistory;
import dev.convoy.protocol.v1.ListGroupsResponse;
import dev.convoy.protocol.v1.QueryInventoryRequest;
import dev.convoy.protocol.v1.QueryInventoryResponse;
import dev.convoy.protocol.v1.RefreshInventoryRequest;
import dev.convoy.protocol.v1.RefreshInventoryResponse;
import dev.convoy.server.compliance.ComplianceService;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.group.GroupService;
import dev.convoy.server.group.GroupSummary;
import dev.convoy.server.inventory.InventoryService;
import dev.convoy.server.inventory.RefreshResult;
import dev.convoy.server.inventory.StoredInventory;
import dev.convoy.server.inventory.QueryResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The inventory, group and compliance RPCs of {@link AdminGrpcService}: request → scope check → domain call →
 * response. The {@link AuthInterceptor} checked the caller's permission; {@link ScopeCheck} limits a scoped caller
 * to the endpoints and groups of their scope: lists and queries are filtered, a named endpoint or group outside it
 * is refused. Thread-safe.
 */
final class InventoryAdminCalls {
  private final InventoryService inventory;
  private final GroupService groups;
  private final ComplianceService compliance;
  private final EndpointService endpoints;
  private final ScopeCheck scope;

  InventoryAdminCalls(InventoryService inventory, GroupService groups, ComplianceService compliance,
      EndpointService endpoints, ScopeCheck scope) {
    this.scope = scope;
    this.inventory = inventory;
    this.groups = groups;
    this.compliance = compliance;
    this.endpoints = endpoints;
  }

  QueryInventoryResponse query(QueryInventoryRequest request) {
    if (ScopeCheck.scope().unlimited()) {
      return InventoryProtoMapper.queryResponse(
          inventory.query(request.getQuery(), request.getFieldsList(), request.getLimit()));
    }
    // Scoped: ask for as many as the server answers, keep the caller's endpoints, then apply the caller's limit.
    QueryResult all = inventory.query(request.getQuery(), request.getFieldsList(), InventoryService.MAX_QUERY_LIMIT);
    Predicate<String> visible = scope.endpointFilter();
    List<QueryResult.Match> matches = all.matches().stream().filter(m -> visible.test(m.endpointId())).toList();
    int limit = request.getLimit() == 0 ? InventoryService.DEFAULT_QUERY_LIMIT : request.getLimit();
    boolean truncated = matches.size() > limit || all.truncated();
    return InventoryProtoMapper.queryResponse(new QueryResult(matches.subList(0, Math.min(limit, matches.size())),
        matches.size(), truncated, all.plan(), all.candidates()));
  }

  /** @throws ConvoyException NOT_FOUND if the endpoint is neither enrolled nor has an inventory */
  EndpointInventory get(GetInventoryRequest request) {
    String id = request.getEndpointId();
    scope.requireEndpoint("endpoint_id", id);
    Optional<StoredInventory> stored = inventory.inventory(id);
    String hostname = requireKnown(id, stored.isPresent());
    return stored.map(s -> InventoryProtoMapper.inventory(s, hostname))
        .orElseGet(() -> EndpointInventory.newBuilder().setEndpointId(id).setHostname(hostname).build());
  }

  InventoryHistory history(GetInventoryHistoryRequest request) {
    String id = request.getEndpointId();
    scope.requireEndpoint("endpoint_id", id);
    var changes = inventory.history(id, ProtoMapper.instantOrNull(request.getSince()), request.getLimit());
    requireKnown(id, !changes.isEmpty() || inventory.inventory(id).isPresent());
    return InventoryHistory.newBuilder().setEndpointId(id)
        .addAllChanges(changes.stream().map(InventoryProtoMapper::change).toList()).build();
  }

  RefreshInventoryResponse refresh(RefreshInventoryRequest request) {
    RefreshResult result;
    if (request.getAll() && !ScopeCheck.scope().unlimited()) {
      // "all" for a scoped caller: every endpoint of their scope
      Predicate<String> visible = scope.endpointFilter();
      List<String> ids = endpoints.list().stream().map(v -> v.endpoint()).filter(e -> !e.revoked())
          .map(Endpoint::id).filter(visible).toList();
      result = ids.isEmpty() ? new RefreshResult(0, 0) : inventory.refresh(ids, false);
    } else {
      scope.requireEndpoints("endpoint_ids", request.getEndpointIdsList());
      result = inventory.refresh(request.getEndpointIdsList(), request.getAll());
    }
    return RefreshInventoryResponse.newBuilder().setRequested(result.requested()).setOffline(result.offline())
        .build();
  }

  dev.convoy.protocol.v1.Group createGroup(CreateGroupRequest request, String createdBy) {
    // A group defines scope boundaries: one defined by a scoped person could reach beyond their scope.
    scope.requireUnscoped("creating a group");
    var group = groups.create(request.getName(), request.getQuery(), request.getDescription(), createdBy);
    return InventoryProtoMapper.group(group, groups.get(group.name()).members().size());
  }

  ListGroupsResponse listGroups() {
    ListGroupsResponse.Builder b = ListGroupsResponse.newBuilder();
    Predicate<String> visible = scope.groupFilter();
    for (GroupSummary summary : groups.list()) {
      if (!visible.test(summary.group().name())) {
        continue;
      }
      b.addGroups(InventoryProtoMapper.group(summary.group(), summary.memberCount()));
    }
    return b.build();
  }

  GroupMembers getGroup(GetGroupRequest request) {
    scope.requireGroup("name", request.getName());
    return InventoryProtoMapper.members(groups.get(request.getName()));
  }

  ComplianceReport compliance(GetComplianceRequest request) {
    return InventoryProtoMapper.compliance(compliance.report(request.getPackage(), request.getReleaseVersion(),
        scope.endpointFilter()));
  }

  /** The endpoint's host name; NOT_FOUND if it is neither enrolled nor {@code hasInventory}. */
  private String requireKnown(String endpointId, boolean hasInventory) {
    Optional<Endpoint> endpoint = endpoints.find(endpointId);
    if (endpoint.isEmpty() && !hasInventory) {
      throw ConvoyException.notFound("endpoint_id: " + endpointId + " is not an enrolled endpoint");
    }
    return endpoint.map(Endpoint::hostname).orElse("");
  }
}
