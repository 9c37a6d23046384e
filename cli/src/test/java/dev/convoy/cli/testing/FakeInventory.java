package dev.convoy.cli.testing;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.Fact;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.GetInventoryHistoryRequest;
import dev.convoy.protocol.v1.GetInventoryRequest;
import dev.convoy.protocol.v1.InventoryChange;
import dev.convoy.protocol.v1.InventoryHistory;
import dev.convoy.protocol.v1.InventoryMatch;
import dev.convoy.protocol.v1.QueryInventoryRequest;
import dev.convoy.protocol.v1.QueryInventoryResponse;
import dev.convoy.protocol.v1.RefreshInventoryRequest;
import dev.convoy.protocol.v1.RefreshInventoryResponse;
import dev.convoy.server.inventory.query.InventoryDocument;
import dev.convoy.server.inventory.query.Path;
import dev.convoy.server.inventory.query.Query;
import dev.convoy.server.inventory.query.QuerySyntaxException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The inventory half of {@link FakeAdminService}: per-endpoint facts and histories in memory, queried with the
 * server's own query language ({@link Query}, a test dependency), so that matches and syntax errors (column and
 * caret diagram) are the real ones. Limits and defaults are those admin.proto documents. Thread-safe.
 */
public final class FakeInventory {
  static final int QUERY_DEFAULT_LIMIT = 1000;
  static final int HISTORY_DEFAULT_LIMIT = 500;

  /** Current inventories by endpoint id; facts sorted by path, as the server keeps them. */
  public final Map<String, EndpointInventory> inventories = new ConcurrentHashMap<>();
  /** Changes by endpoint id, in any order. */
  public final Map<String, List<InventoryChange>> histories = new ConcurrentHashMap<>();
  /** Every inventory, group and compliance request received, in order. */
  public final List<Message> requests = new CopyOnWriteArrayList<>();
  private final Supplier<List<Endpoint>> endpoints;

  FakeInventory(Supplier<List<Endpoint>> endpoints) {
    this.endpoints = endpoints;
  }

  /** Stores {@code inventory}, its facts sorted by path. */
  public void put(EndpointInventory inventory) {
    List<Fact> facts = new ArrayList<>(inventory.getFactsList());
    facts.sort(Comparator.comparing(Fact::getPath));
    inventories.put(inventory.getEndpointId(), inventory.toBuilder().clearFacts().addAllFacts(facts).build());
  }

  QueryInventoryResponse query(QueryInventoryRequest request) {
    requests.add(request);
    Query query = parse(request.getQuery());
    List<String> fields = request.getFieldsList().stream().map(FakeInventory::canonicalField).toList();
    int limit = request.getLimit() > 0 ? request.getLimit() : QUERY_DEFAULT_LIMIT;
    QueryInventoryResponse.Builder response = QueryInventoryResponse.newBuilder();
    for (EndpointInventory inventory : sorted()) {
      if (!query.matches(document(inventory))) {
        continue;
      }
      response.setTotal(response.getTotal() + 1);
      if (response.getMatchesCount() < limit) {
        response.addMatches(InventoryMatch.newBuilder().setEndpointId(inventory.getEndpointId())
            .setHostname(inventory.getHostname()).addAllFacts(selected(inventory, fields)));
      }
    }
    return response.setTruncated(response.getTotal() > response.getMatchesCount()).build();
  }

  EndpointInventory get(GetInventoryRequest request) {
    requests.add(request);
    EndpointInventory inventory = inventories.get(request.getEndpointId());
    if (inventory == null) {
      throw notFound(request.getEndpointId());
    }
    return inventory;
  }

  InventoryHistory history(GetInventoryHistoryRequest request) {
    requests.add(request);
    String id = request.getEndpointId();
    if (!inventories.containsKey(id) && !histories.containsKey(id)) {
      throw notFound(id);
    }
    int limit = request.getLimit() > 0 ? request.getLimit() : HISTORY_DEFAULT_LIMIT;
    long since = seconds(request.getSince());
    List<InventoryChange> changes = histories.getOrDefault(id, List.of()).stream()
        .filter(c -> seconds(c.getAt()) >= since)
        .sorted(Comparator.comparing((InventoryChange c) -> seconds(c.getAt())).reversed())
        .limit(limit).toList();
    return InventoryHistory.newBuilder().setEndpointId(id).addAllChanges(changes).build();
  }

  RefreshInventoryResponse refresh(RefreshInventoryRequest request) {
    requests.add(request);
    if (request.getAll() == (request.getEndpointIdsCount() > 0)) {
      throw Status.INVALID_ARGUMENT.withDescription("refresh: name endpoints or all (expected: exactly one)")
          .asRuntimeException();
    }
    List<Endpoint> named = new ArrayList<>();
    for (String id : request.getEndpointIdsList()) {
      named.add(endpoints.get().stream().filter(e -> e.getEndpointId().equals(id)).findFirst()
          .orElseThrow(() -> notFound(id)));
    }
    List<Endpoint> asked = request.getAll() ? endpoints.get() : named;
    int online = (int) asked.stream().filter(Endpoint::getOnline).count();
    return RefreshInventoryResponse.newBuilder().setRequested(online)
        .setOffline(request.getAll() ? 0 : named.size() - online).build();
  }

  /** Whether the endpoint's inventory matches {@code query} (an endpoint without one matches nothing). */
  boolean matches(Query query, String endpointId) {
    EndpointInventory inventory = inventories.get(endpointId);
    return inventory != null && query.matches(document(inventory));
  }

  /** The endpoint's fact at the canonical {@code path}, if it has one. */
  FactValue fact(String endpointId, String path) {
    EndpointInventory inventory = inventories.get(endpointId);
    if (inventory == null) {
      return null;
    }
    return inventory.getFactsList().stream().filter(f -> f.getPath().equals(path)).map(Fact::getValue)
        .findFirst().orElse(null);
  }

  List<EndpointInventory> sorted() {
    return new TreeMap<>(inventories).values().stream().toList();
  }

  /** @throws StatusRuntimeException INVALID_ARGUMENT with the column and caret diagram, as the server words it */
  static Query parse(String text) {
    try {
      return Query.parse(text);
    } catch (QuerySyntaxException e) {
      throw Status.INVALID_ARGUMENT.withDescription("query: " + e.getMessage() + "\n" + e.caretDiagram())
          .asRuntimeException();
    }
  }

  private static String canonicalField(String field) {
    try {
      return Path.parse(field).toString();
    } catch (QuerySyntaxException e) {
      throw Status.INVALID_ARGUMENT.withDescription("field '" + field + "': " + e.getMessage()).asRuntimeException();
    }
  }

  /** The facts a field names: the fact at the path, or the elements of the list there. */
  private static List<Fact> selected(EndpointInventory inventory, List<String> fields) {
    List<Fact> facts = new ArrayList<>();
    for (String field : fields) {
      inventory.getFactsList().stream()
          .filter(f -> f.getPath().equals(field) || f.getPath().startsWith(field + "["))
          .forEach(facts::add);
    }
    return facts;
  }

  private static InventoryDocument document(EndpointInventory inventory) {
    Map<String, Object> flat = new TreeMap<>();
    for (Fact fact : inventory.getFactsList()) {
      FactValue value = fact.getValue();
      flat.put(fact.getPath(), switch (value.getKindCase()) {
        case TEXT -> value.getText();
        case INTEGER -> value.getInteger();
        case REAL -> value.getReal();
        case FLAG -> value.getFlag();
        case KIND_NOT_SET -> throw new IllegalStateException("fact " + fact.getPath() + " without a value");
      });
    }
    return InventoryDocument.fromFlattened(flat);
  }

  private static long seconds(Timestamp timestamp) {
    return timestamp.getSeconds();
  }

  private static StatusRuntimeException notFound(String endpointId) {
    return Status.NOT_FOUND.withDescription("endpoint " + endpointId + " not found").asRuntimeException();
  }
}
