package dev.convoy.server.inventory;

import dev.convoy.server.storage.ChangeSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Port: where inventories live. Facts are kept twice, in the same change set: by endpoint (an endpoint's facts are
 * one range) and by index key, i.e. the path without list positions (one key's entries across all endpoints are one
 * range), so that a query predicate reads only its path's entries. Each index key also has an entry count. An
 * "index subtree" of key {@code k} is {@code k} and every key below it ({@code k.x}, {@code k["y"]} ...).
 *
 * <p>Values are scalars: {@code String}, {@code Long}, {@code Double}, {@code Boolean}. Reads see every committed
 * change. Implementations are thread-safe, except the {@link FactReader}s they hand out.
 */
public interface InventoryStore {
  /** What is kept about the endpoint's inventory, if it has one. */
  Optional<InventoryMeta> meta(String endpointId);

  /** Every fact of the endpoint, sorted by path ({@link String#compareTo}); empty if it has none. */
  SortedMap<String, Object> facts(String endpointId);

  /**
   * The facts the endpoint has at the given paths, by point reads (a delta reads only what it touches).
   *
   * @param indexKeys path → its index key, for each path wanted
   * @return path → value for each wanted path the endpoint has
   */
  Map<String, Object> facts(String endpointId, Map<String, String> indexKeys);

  /** Stages "the fact at {@code path} (index key {@code indexKey}) is {@code value}" in both orders. */
  void putFact(ChangeSet changes, String endpointId, String path, String indexKey, Object value);

  /** Stages the removal of a fact from both orders. */
  void removeFact(ChangeSet changes, String endpointId, String path, String indexKey);

  /** Stages "entries under index key {@code indexKey} + {@code delta}" (a commutative increment). */
  void addToEntryCount(ChangeSet changes, String indexKey, long delta);

  void putMeta(ChangeSet changes, String endpointId, InventoryMeta meta);

  /** Stages one history record; {@code sequence} orders records of the same instant. */
  void addHistory(ChangeSet changes, String endpointId, long sequence, FactChange change);

  /** Stages the removal of the endpoint's {@code count} oldest history records (as committed now). */
  void removeOldestHistory(ChangeSet changes, String endpointId, long count);

  /** The endpoint's history, newest first, records at or after {@code since} (null: all), at most {@code limit}. */
  List<FactChange> history(String endpointId, Instant since, int limit);

  /** Entries under {@code indexKey}, or under its whole index subtree. */
  long entryCount(String indexKey, boolean subtree);

  /**
   * Visits the index entries of {@code indexKey} (or of its subtree) in key order, until the visitor says stop.
   * Without {@code subtree} the entries come in endpoint id order.
   */
  void scanIndex(String indexKey, boolean subtree, IndexVisitor visitor);

  /** Ids of the endpoints that have an inventory, in order. */
  List<String> endpointIds();

  /** A reader for many small reads in a row, e.g. one query's candidates. Close it on the thread that opened it. */
  FactReader reader();

  /** One index entry. */
  @FunctionalInterface
  interface IndexVisitor {
    /** @return false to stop the scan */
    boolean visit(String endpointId, String path, Object value);
  }

  /** Reads facts of many endpoints from one consistent view. Not thread-safe. */
  interface FactReader extends AutoCloseable {
    /** The endpoint's facts in the index subtree of {@code indexKey} ("" for all), path → value. */
    Map<String, Object> subtree(String endpointId, String indexKey);

    @Override
    void close();
  }
}
