package dev.convoy.agent.grpc;

import dev.convoy.agent.inventory.Fact;
import dev.convoy.agent.inventory.FactValue;
import dev.convoy.agent.inventory.Inventory;
import dev.convoy.agent.inventory.InventoryAck;
import dev.convoy.agent.inventory.InventoryReport;
import dev.convoy.agent.inventory.InventorySummary;
import dev.convoy.agent.inventory.ManagedPackage;
import dev.convoy.protocol.v1.InventoryDelta;
import dev.convoy.protocol.v1.InventorySnapshot;
import java.util.List;

/**
 * Inventory records to protobuf messages and back. Proto types are written in full where their simple names equal
 * the agent's. Thread-safe (stateless).
 */
final class InventoryMapper {
  private InventoryMapper() {}

  static dev.convoy.protocol.v1.InventoryReport report(String endpointId, InventoryReport report) {
    InventorySummary summary = report.summary();
    var builder = dev.convoy.protocol.v1.InventoryReport.newBuilder()
        .setEndpointId(endpointId)
        .setCollectedAt(ProtoMapper.timestamp(report.collectedAt()))
        .setInventorySha256(report.inventorySha256())
        .setInventoryDigest(report.inventoryDigest())
        .setReason(report.reason().wireName());
    legacySummary(builder, summary);
    if (report.body() instanceof InventoryReport.Full full) {
      builder.setFull(snapshot(full.facts()));
    } else if (report.body() instanceof InventoryReport.Delta delta) {
      builder.setDelta(InventoryDelta.newBuilder().setBaseSha256(delta.baseSha256())
          .setBaseDigest(delta.baseDigest()).addAllSet(facts(delta.set())).addAllRemoved(delta.removed()));
    }
    return builder.build();
  }

  @SuppressWarnings("deprecation") // fields 2-7 stay filled until the server stops reading them
  private static void legacySummary(dev.convoy.protocol.v1.InventoryReport.Builder builder, InventorySummary summary) {
    builder.setHostname(summary.hostname()).setOs(summary.os()).setOsVersion(summary.osVersion())
        .setArchitecture(summary.architecture()).setAgentVersion(summary.agentVersion());
    for (ManagedPackage p : summary.managedPackages()) {
      builder.addManagedPackages(dev.convoy.protocol.v1.ManagedPackage.newBuilder()
          .setName(p.name()).setVersion(p.version()).setState(p.state()));
    }
  }

  /** The canonical snapshot: the inventory's facts, already sorted by path. */
  static InventorySnapshot snapshot(Inventory inventory) {
    return snapshot(inventory.facts());
  }

  static InventorySnapshot snapshot(List<Fact> facts) {
    return InventorySnapshot.newBuilder().addAllFacts(facts(facts)).build();
  }

  static InventoryAck ack(dev.convoy.protocol.v1.InventoryAck proto) {
    return new InventoryAck(proto.getFullReportRequired(), proto.getServerSha256(), proto.getServerDigest());
  }

  private static List<dev.convoy.protocol.v1.Fact> facts(List<Fact> facts) {
    return facts.stream().map(InventoryMapper::fact).toList();
  }

  static dev.convoy.protocol.v1.Fact fact(Fact fact) {
    return dev.convoy.protocol.v1.Fact.newBuilder().setPath(fact.path()).setValue(value(fact.value())).build();
  }

  static dev.convoy.protocol.v1.FactValue value(FactValue value) {
    var builder = dev.convoy.protocol.v1.FactValue.newBuilder();
    if (value instanceof FactValue.Text text) {
      builder.setText(text.value());
    } else if (value instanceof FactValue.Int integer) {
      builder.setInteger(integer.value());
    } else if (value instanceof FactValue.Real real) {
      builder.setReal(real.value());
    } else if (value instanceof FactValue.Flag flag) {
      builder.setFlag(flag.value());
    }
    return builder.build();
  }

  /** The agent's value of a wire value; null when no kind is set. */
  static FactValue value(dev.convoy.protocol.v1.FactValue proto) {
    return switch (proto.getKindCase()) {
      case TEXT -> FactValue.text(proto.getText());
      case INTEGER -> FactValue.integer(proto.getInteger());
      case REAL -> FactValue.real(proto.getReal());
      case FLAG -> FactValue.flag(proto.getFlag());
      case KIND_NOT_SET -> null;
    };
  }
}
