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
import java.util.Optional;

/**
 * The inventory, group and compliance RPCs of {@link AdminGrpcService}: request → domain call → response. The
 * caller is an admin (checked by {@link AuthInterceptor}). Thread-safe.
 */
final class InventoryAdminCalls {
  private final InventoryService inventory;
  private final GroupService groups;
  private final ComplianceService compliance;
  private final EndpointService endpoints;

  InventoryAdminCalls(InventoryService inventory, GroupService groups, ComplianceService compliance,
      EndpointService endpoints) {
    this.inventory = inventory;
    this.groups = groups;
    this.compliance = compliance;
    this.endpoints = endpoints;
  }

  QueryInventoryResponse query(QueryInventoryRequest request) {
    return InventoryProtoMapper.queryResponse(
        inventory.query(request.getQuery(), request.getFieldsList(), request.getLimit()));
  }

  /** @throws ConvoyException NOT_FOUND if the endpoint is neither enrolled nor has an inventory */
  EndpointInventory get(GetInventoryRequest request) {
    String id = request.getEndpointId();
    Optional<StoredInventory> stored = inventory.inventory(id);
    String hostname = requireKnown(id, stored.isPresent());
    return stored.map(s -> InventoryProtoMapper.inventory(s, hostname))
        .orElseGet(() -> EndpointInventory.newBuilder().setEndpointId(id).setHostname(hostname).build());
  }

  InventoryHistory history(GetInventoryHistoryRequest request) {
    String id = request.getEndpointId();
    var changes = inventory.history(id, ProtoMapper.instantOrNull(request.getSince()), request.getLimit());
    requireKnown(id, !changes.isEmpty() || inventory.inventory(id).isPresent());
    return InventoryHistory.newBuilder().setEndpointId(id)
        .addAllChanges(changes.stream().map(InventoryProtoMapper::change).toList()).build();
  }

  RefreshInventoryResponse refresh(RefreshInventoryRequest request) {
    RefreshResult result = inventory.refresh(request.getEndpointIdsList(), request.getAll());
    return RefreshInventoryResponse.newBuilder().setRequested(result.requested()).setOffline(result.offline())
        .build();
  }

  dev.convoy.protocol.v1.Group createGroup(CreateGroupRequest request, String createdBy) {
    var group = groups.create(request.getName(), request.getQuery(), request.getDescription(), createdBy);
    return InventoryProtoMapper.group(group, groups.get(group.name()).members().size());
  }

  ListGroupsResponse listGroups() {
    ListGroupsResponse.Builder b = ListGroupsResponse.newBuilder();
    for (GroupSummary summary : groups.list()) {
      b.addGroups(InventoryProtoMapper.group(summary.group(), summary.memberCount()));
    }
    return b.build();
  }

  GroupMembers getGroup(GetGroupRequest request) {
    return InventoryProtoMapper.members(groups.get(request.getName()));
  }

  ComplianceReport compliance(GetComplianceRequest request) {
    return InventoryProtoMapper.compliance(compliance.report(request.getPackage(), request.getReleaseVersion()));
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
