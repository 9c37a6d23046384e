package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.ComplianceEntry;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.Fact;
import dev.convoy.protocol.v1.FactChangeKind;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.GroupMembers;
import dev.convoy.protocol.v1.InventoryChange;
import dev.convoy.protocol.v1.InventoryMatch;
import dev.convoy.protocol.v1.InventoryReport;
import dev.convoy.protocol.v1.QueryInventoryResponse;
import dev.convoy.protocol.v1.VersionCount;
import dev.convoy.server.compliance.ComplianceReport;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.group.GroupView;
import dev.convoy.server.inventory.FactChange;
import dev.convoy.server.inventory.QueryResult;
import dev.convoy.server.inventory.StoredInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Domain ↔ protocol conversions for inventory, groups and compliance. Stateless. */
final class InventoryProtoMapper {
  private InventoryProtoMapper() {}

  static FactValue value(Object value) {
    return CanonicalInventoryHasher.factValue(value);
  }

  /** The scalar a fact value holds; null when none is set (which validation refuses). */
  static Object value(FactValue value) {
    return switch (value.getKindCase()) {
      case TEXT -> value.getText();
      case INTEGER -> value.getInteger();
      case REAL -> value.getReal();
      case FLAG -> value.getFlag();
      case KIND_NOT_SET -> null;
    };
  }

  static List<Fact> facts(Map<String, Object> facts) {
    List<Fact> out = new ArrayList<>(facts.size());
    facts.forEach((path, value) -> out.add(Fact.newBuilder().setPath(path).setValue(value(value)).build()));
    return out;
  }

  /**
   * The domain form of a report that has a body ({@code full} or {@code delta}).
   *
   * @throws IllegalStateException if it has none (the caller handles summary-only reports)
   */
  static dev.convoy.server.inventory.InventoryReport report(InventoryReport r) {
    dev.convoy.server.inventory.InventoryReport.Body body = switch (r.getBodyCase()) {
      case FULL -> new dev.convoy.server.inventory.InventoryReport.Full(domainFacts(r.getFull().getFactsList()));
      case DELTA -> new dev.convoy.server.inventory.InventoryReport.Delta(r.getDelta().getBaseSha256(),
          domainFacts(r.getDelta().getSetList()), r.getDelta().getRemovedList(), r.getDelta().getBaseDigest());
      case BODY_NOT_SET -> throw new IllegalStateException("report without a body");
    };
    return new dev.convoy.server.inventory.InventoryReport(r.getEndpointId(), r.getInventorySha256(), r.getReason(),
        body, r.getInventoryDigest());
  }

  private static List<dev.convoy.server.inventory.Fact> domainFacts(List<Fact> facts) {
    List<dev.convoy.server.inventory.Fact> out = new ArrayList<>(facts.size());
    for (Fact fact : facts) {
      out.add(new dev.convoy.server.inventory.Fact(fact.getPath(), fact.hasValue() ? value(fact.getValue()) : null));
    }
    return out;
  }

  static EndpointInventory inventory(StoredInventory stored, String hostname) {
    return EndpointInventory.newBuilder()
        .setEndpointId(stored.endpointId()).setHostname(hostname)
        .setUpdatedAt(ProtoMapper.timestamp(stored.meta().updatedAt()))
        .setInventorySha256(stored.meta().sha256()).setInventoryDigest(stored.meta().digest())
        .addAllFacts(facts(stored.facts()))
        .build();
  }

  static InventoryChange change(FactChange change) {
    InventoryChange.Builder b = InventoryChange.newBuilder()
        .setAt(ProtoMapper.timestamp(change.at())).setPath(change.path())
        .setKind(FactChangeKind.valueOf(change.kind().name())).setReason(change.reason());
    if (change.oldValue() != null) {
      b.setOldValue(value(change.oldValue()));
    }
    if (change.newValue() != null) {
      b.setNewValue(value(change.newValue()));
    }
    return b.build();
  }

  static QueryInventoryResponse queryResponse(QueryResult result) {
    QueryInventoryResponse.Builder b = QueryInventoryResponse.newBuilder()
        .setTotal(result.total()).setTruncated(result.truncated());
    for (QueryResult.Match match : result.matches()) {
      b.addMatches(InventoryMatch.newBuilder().setEndpointId(match.endpointId()).setHostname(match.hostname())
          .addAllFacts(facts(match.facts())));
    }
    return b.build();
  }

  static dev.convoy.protocol.v1.Group group(dev.convoy.server.group.Group group, int memberCount) {
    dev.convoy.protocol.v1.Group.Builder b = dev.convoy.protocol.v1.Group.newBuilder()
        .setName(group.name()).setDynamic(group.dynamic()).setQuery(group.query())
        .setDescription(group.description()).setMemberCount(memberCount).setCreatedBy(group.createdBy());
    if (group.createdAt() != null) {
      b.setCreatedAt(ProtoMapper.timestamp(group.createdAt()));
    }
    return b.build();
  }

  static GroupMembers members(GroupView view) {
    return GroupMembers.newBuilder().setGroup(group(view.group(), view.members().size()))
        .addAllMembers(view.members().stream().map(ProtoMapper::endpoint).toList())
        .build();
  }

  static dev.convoy.protocol.v1.ComplianceReport compliance(ComplianceReport report) {
    dev.convoy.protocol.v1.ComplianceReport.Builder b = dev.convoy.protocol.v1.ComplianceReport.newBuilder()
        .setPackage(report.packageName()).setReferenceVersion(report.referenceVersion())
        .setReferenceSource(report.referenceSource()).setEndpointsTotal(report.endpointsTotal())
        .setInstalled(report.installed()).setCompliant(report.compliant());
    report.versions().forEach(v -> b.addVersions(VersionCount.newBuilder().setVersion(v.version())
        .setEndpoints(v.endpoints())));
    report.behind().forEach(e -> b.addBehind(entry(e)));
    report.unmanaged().forEach(e -> b.addUnmanaged(entry(e)));
    return b.build();
  }

  private static ComplianceEntry entry(ComplianceReport.Entry e) {
    return ComplianceEntry.newBuilder().setEndpointId(e.endpointId()).setHostname(e.hostname())
        .setVersion(e.version()).setSource(e.source()).build();
  }

  /** @throws ConvoyException RESOURCE_EXHAUSTED naming the limit if the report is larger than {@code maxBytes} */
  static void requireSize(InventoryReport report, int maxBytes) {
    int size = report.getSerializedSize();
    if (size > maxBytes) {
      throw new ConvoyException(dev.convoy.server.error.ErrorCode.RESOURCE_EXHAUSTED, "inventory report: " + size
          + " bytes (expected: at most " + maxBytes + ", the server's inventory report size limit"
          + " inventory.max_report_bytes)");
    }
  }
}
