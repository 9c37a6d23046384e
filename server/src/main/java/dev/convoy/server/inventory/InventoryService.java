package dev.convoy.server.inventory;

import dev.convoy.server.common.Require;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointNames;
import dev.convoy.server.endpoint.EndpointStore;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.inventory.query.Path;
import dev.convoy.server.inventory.query.Query;
import dev.convoy.server.inventory.query.QuerySyntaxException;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory registry (docs/inventory.md): applies agents' reports, keeps each endpoint's facts, hash and history,
 * answers queries from the per-path index, and asks agents for full reports. Needs only ports, so it runs without
 * gRPC (a benchmark builds it over a {@code RocksStorage}: see {@code dev.convoy.server.StandaloneInventory}).
 *
 * <p>Thread-safe: reports of one endpoint are serialised (see {@link #report}); queries read committed data.
 */
public final class InventoryService {
  private static final Logger logger = LoggerFactory.getLogger(InventoryService.class);
  public static final int DEFAULT_QUERY_LIMIT = 1_000;
  public static final int MAX_QUERY_LIMIT = 10_000;
  public static final int MAX_FIELDS = 64;
  public static final int DEFAULT_HISTORY_LIMIT = 500;
  public static final int MAX_HISTORY_LIMIT = 10_000;

  private final InventoryStore store;
  private final Storage storage;
  private final EndpointStore endpoints;
  private final FullReportRequester requester;
  private final InventoryConfig config;
  private final List<InventoryListener> listeners = new CopyOnWriteArrayList<>();
  private final InventoryRegistry registry;
  private final InventoryQueries queries;

  /**
   * @param endpoints where host names of matches and the endpoints of {@code refresh --all} come from
   * @param requester asks connected agents for a full report
   */
  public InventoryService(InventoryStore store, Storage storage, Clock clock, InventoryHasher hasher,
      InventoryConfig config, EndpointStore endpoints, FullReportRequester requester) {
    this.store = store;
    this.storage = storage;
    this.endpoints = endpoints;
    this.requester = requester;
    this.config = config;
    this.registry = new InventoryRegistry(store, storage, clock, hasher, config, listeners);
    this.queries = new InventoryQueries(store, id -> endpoints.find(id).map(Endpoint::hostname).orElse(""));
  }

  public InventoryConfig config() {
    return config;
  }

  /** Registers a listener for applied reports (called in registration order). */
  public void addListener(InventoryListener listener) {
    listeners.add(listener);
  }

  /**
   * Applies an agent's report (the caller is that endpoint, already authenticated), durably, then tells the
   * listeners. A delta that cannot be applied exactly changes nothing and answers {@code fullReportRequired}.
   *
   * @throws ConvoyException INVALID_ARGUMENT naming the field for a malformed report (bad path, value, count, hash,
   *     or a full report whose hash does not match its facts); nothing is changed then
   */
  public ReportOutcome report(InventoryReport report) {
    return registry.apply(report, (changes, summary) -> storage.commit(changes));
  }

  /**
   * Like {@link #report(InventoryReport)}, with {@code commit} making the applied report durable: it adds the
   * endpoint record's changes to the report's change set and commits both as one synced batch.
   *
   * @throws RuntimeException what {@code commit} throws; nothing of the report is then written
   */
  public ReportOutcome report(InventoryReport report, ReportCommit commit) {
    return registry.apply(report, commit);
  }

  /** The endpoint's stored inventory, if it ever reported one. */
  public Optional<StoredInventory> inventory(String endpointId) {
    EndpointNames.requireEndpointId("endpoint_id", endpointId);
    return store.meta(endpointId).map(meta -> new StoredInventory(endpointId, meta, store.facts(endpointId)));
  }

  /**
   * The endpoint's inventory history, newest first.
   *
   * @param since only records at or after it; null for all
   * @param limit 0 for {@value #DEFAULT_HISTORY_LIMIT}
   * @throws ConvoyException INVALID_ARGUMENT for a malformed id or a limit outside 0..{@value #MAX_HISTORY_LIMIT}
   */
  public List<FactChange> history(String endpointId, Instant since, int limit) {
    EndpointNames.requireEndpointId("endpoint_id", endpointId);
    Require.inRange("limit", limit, 0, MAX_HISTORY_LIMIT);
    return store.history(endpointId, since, limit == 0 ? DEFAULT_HISTORY_LIMIT : limit);
  }

  /**
   * Answers a query: the first {@code limit} matching endpoints in id order, with the facts under {@code fields}.
   *
   * @param limit 0 for {@value #DEFAULT_QUERY_LIMIT}
   * @throws ConvoyException INVALID_ARGUMENT for a syntax error (with its column and a caret under it), a field that
   *     is not a path, more than {@value #MAX_FIELDS} fields, or a limit outside 0..{@value #MAX_QUERY_LIMIT}
   */
  public QueryResult query(String text, List<String> fields, int limit) {
    Query query = parse("query", text);
    Require.inRange("limit", limit, 0, MAX_QUERY_LIMIT);
    if (fields.size() > MAX_FIELDS) {
      throw ConvoyException.invalidArgument("fields: " + fields.size() + " (expected: at most " + MAX_FIELDS + ")");
    }
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      paths.add(parsePath("fields[" + i + "]", fields.get(i)));
    }
    QueryResult result = queries.query(query, queries.plan(query), paths, limit == 0 ? DEFAULT_QUERY_LIMIT : limit);
    logger.debug("inventory query answered query={} plan={} candidates={} total={}", query, result.plan(),
        result.candidates(), result.total());
    return result;
  }

  /** Answers {@code query} from the planned index or by scanning every endpoint: what tests compare. */
  QueryResult query(Query query, boolean useIndex, int limit) {
    return queries.query(query, useIndex ? queries.plan(query) : InventoryQueries.Plan.SCAN, List.of(), limit);
  }

  /** Every endpoint (with an inventory) that {@code query} matches, in id order. */
  public SortedSet<String> members(Query query) {
    return queries.members(query);
  }

  /**
   * Asks endpoints for a full report now: the named ones, or every enrolled one.
   *
   * @throws ConvoyException INVALID_ARGUMENT for neither or both of ids and {@code all}, or a malformed id;
   *     NOT_FOUND for an id that is not enrolled
   */
  public RefreshResult refresh(List<String> endpointIds, boolean all) {
    if (all == !endpointIds.isEmpty()) {
      throw ConvoyException.invalidArgument("endpoint_ids: " + endpointIds.size() + " ids with all=" + all
          + " (expected: either endpoint ids or all)");
    }
    List<String> targets = new ArrayList<>();
    if (all) {
      endpoints.list().stream().filter(e -> !e.revoked()).forEach(e -> targets.add(e.id()));
    } else {
      for (String id : endpointIds) {
        EndpointNames.requireEndpointId("endpoint_ids", id);
        endpoints.find(id).orElseThrow(() ->
            ConvoyException.notFound("endpoint_ids: " + id + " is not an enrolled endpoint"));
        targets.add(id);
      }
    }
    int requested = (int) targets.stream().distinct().filter(requester::requestFullReport).count();
    return new RefreshResult(requested, (int) targets.stream().distinct().count() - requested);
  }

  /**
   * Parses a query for {@code field}.
   *
   * @throws ConvoyException INVALID_ARGUMENT: {@code <field>: at column N: <what was expected>}, then the query line
   *     and a caret under the column
   */
  public static Query parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw ConvoyException.invalidArgument(field
          + ": empty (expected: an inventory query, e.g. os.family = \"debian\")");
    }
    try {
      return Query.parse(text);
    } catch (QuerySyntaxException e) {
      throw ConvoyException.invalidArgument(field + ": " + e.getMessage() + "\n" + e.caretDiagram());
    }
  }

  private static Path parsePath(String field, String text) {
    try {
      return Path.parse(text);
    } catch (QuerySyntaxException e) {
      throw ConvoyException.invalidArgument(field + ": '" + Require.shown(text) + "' is not a path ("
          + e.getMessage() + ")");
    }
  }
}
