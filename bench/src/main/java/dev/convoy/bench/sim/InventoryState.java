package dev.convoy.bench.sim;

import dev.convoy.protocol.v1.Fact;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.InventoryAck;
import dev.convoy.protocol.v1.InventoryDelta;
import dev.convoy.protocol.v1.InventoryReport;
import dev.convoy.protocol.v1.InventorySnapshot;
import dev.convoy.server.grpc.CanonicalInventoryHasher;
import dev.convoy.inventory.InventoryDigest;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated agent's inventory and its check-ins as the agent sends them (docs/inventory.md "Reports"): a full
 * report first (with its hash and its digest), then digest deltas against the last digest the server acknowledged,
 * a full report again whenever the server asks for one. Between check-ins the free space on {@code /} changes by
 * 1 GiB and back, so every delta sets one fact and both resulting hashes and digests are computed once, up front
 * (the simulator's CPU stays with the server; the agent updates its digest per changed fact).
 *
 * <p>Not thread-safe: one check-in at a time per agent (the caller's loop, like the agent's session thread).
 */
public final class InventoryState {
  static final String CHANGING = "filesystems[\"/\"].free_bytes";
  private static final CanonicalInventoryHasher HASHER = new CanonicalInventoryHasher();
  private final SimAgent agent;
  private final InventorySnapshot[] snapshots = new InventorySnapshot[2];
  private final Fact[] changed = new Fact[2];
  private final String[] hashes = new String[2];
  private final String[] digests = new String[2];
  private int side;
  private String acknowledged = "";

  InventoryState(SimAgent agent, SortedMap<String, Object> facts) {
    this.agent = agent;
    SortedMap<String, Object> other = new TreeMap<>(facts);
    long free = facts.get(CHANGING) instanceof Long value ? value : 0L;
    other.put(CHANGING, free + (1L << 30));
    for (int i = 0; i < 2; i++) {
      SortedMap<String, Object> version = i == 0 ? facts : other;
      InventorySnapshot.Builder snapshot = InventorySnapshot.newBuilder();
      for (Map.Entry<String, Object> fact : version.entrySet()) {
        snapshot.addFacts(fact(fact.getKey(), fact.getValue()));
      }
      snapshots[i] = snapshot.build();
      changed[i] = fact(CHANGING, version.get(CHANGING));
      hashes[i] = HASHER.sha256(version);
      digests[i] = InventoryDigest.of(version).hex();
    }
  }

  /** Sends the whole inventory (reason: connect). */
  public CompletableFuture<Void> sendFull() {
    return send(base().setFull(snapshots[side]).setReason("connect").setInventorySha256(hashes[side])
        .setInventoryDigest(digests[side]).build());
  }

  /** One check-in: a delta that flips the changing fact, or a full report if none was acknowledged yet. */
  public CompletableFuture<Void> checkIn() {
    if (acknowledged.isEmpty()) {
      return sendFull();
    }
    int to = 1 - side;
    InventoryReport delta = base().setReason("schedule").setInventoryDigest(digests[to])
        .setDelta(InventoryDelta.newBuilder().setBaseDigest(acknowledged).addSet(changed[to])).build();
    return send(delta).thenApply(v -> {
      if (acknowledged.equals(digests[to])) {
        side = to;
      }
      return null;
    });
  }

  private InventoryReport.Builder base() {
    return InventoryReport.newBuilder().setEndpointId(agent.endpointId());
  }

  private CompletableFuture<Void> send(InventoryReport report) {
    long start = System.nanoTime();
    return Unary.<InventoryAck>call(o -> agent.stub.reportInventory(report, o)).thenCompose(ack -> {
      agent.fleet().stats().inventoryReports.record(System.nanoTime() - start);
      acknowledged = ack.getFullReportRequired() ? "" : ack.getServerDigest();
      return ack.getFullReportRequired() && report.hasDelta() ? sendFull() : CompletableFuture.completedFuture(null);
    });
  }

  private static Fact fact(String path, Object value) {
    FactValue.Builder v = FactValue.newBuilder();
    if (value instanceof String text) {
      v.setText(text);
    } else if (value instanceof Long integer) {
      v.setInteger(integer);
    } else if (value instanceof Double real) {
      v.setReal(real);
    } else if (value instanceof Boolean flag) {
      v.setFlag(flag);
    }
    return Fact.newBuilder().setPath(path).setValue(v).build();
  }
}
