package dev.convoy.server.inventory;

import dev.convoy.server.common.Require;
import dev.convoy.server.endpoint.EndpointNames;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.inventory.query.Path;
import dev.convoy.server.inventory.query.QuerySyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks an inventory report against {@link InventoryConfig} before anything is read or written: ids and hashes,
 * fact counts, canonical concrete paths, scalar values within bounds, no path twice. Every refusal is
 * INVALID_ARGUMENT naming the field as the wire names it ({@code full.facts[3].path}, {@code delta.removed[0]}).
 * Thread-safe.
 */
final class ReportValidator {
  static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  static final int MAX_REASON_CHARS = 64;

  /**
   * A report that passed: the facts of a full report or the set of a delta, by path; the paths a delta removes; each
   * of those paths parsed (so that the registry does not parse them again).
   */
  record Valid(InventoryReport report, boolean full, SortedMap<String, Object> facts, List<String> removed,
      Map<String, Path> parsed) {
    /** The path parsed, from the report's if it is one of them. */
    Path parse(String path) {
      Path known = parsed.get(path);
      return known != null ? known : FactPaths.parse(path);
    }

    /** {@link FactPaths#indexKey}, from the parsed path if the report had it. */
    String indexKey(String path) {
      return path.indexOf('[') < 0 ? path : parse(path).indexKey().orElse("");
    }
  }

  private final InventoryConfig config;

  ReportValidator(InventoryConfig config) {
    this.config = config;
  }

  Valid validate(InventoryReport report) {
    EndpointNames.requireEndpointId("endpoint_id", report.endpointId());
    requireHashes(report);
    Require.optionalText("reason", report.reason(), MAX_REASON_CHARS);
    if (report.body() instanceof InventoryReport.Full full) {
      requireCount("full.facts", full.facts().size());
      Map<String, Path> parsed = new HashMap<>();
      SortedMap<String, Object> facts = facts("full.facts", full.facts(), parsed);
      FactTree.strict(facts, "full.facts");
      return new Valid(report, true, facts, List.of(), parsed);
    }
    InventoryReport.Delta delta = (InventoryReport.Delta) report.body();
    if (report.digestReport()) {
      requireHex("delta.base_digest", delta.baseDigest());
    } else {
      requireHex("delta.base_sha256", delta.baseSha256());
    }
    requireCount("delta.set and delta.removed", delta.set().size() + delta.removed().size());
    Map<String, Path> parsed = new HashMap<>();
    SortedMap<String, Object> set = facts("delta.set", delta.set(), parsed);
    Map<String, Integer> removed = new HashMap<>();
    for (int i = 0; i < delta.removed().size(); i++) {
      String field = "delta.removed[" + i + "]";
      String path = delta.removed().get(i);
      parsed.put(path, requirePath(field, path));
      if (set.containsKey(path)) {
        throw ConvoyException.invalidArgument(field + ": '" + Require.shown(path)
            + "' is also in delta.set (expected: a path either set or removed)");
      }
      Integer earlier = removed.putIfAbsent(path, i);
      if (earlier != null) {
        throw ConvoyException.invalidArgument(field + ": '" + Require.shown(path)
            + "' appears twice (also delta.removed[" + earlier + "])");
      }
    }
    return new Valid(report, false, set, delta.removed(), parsed);
  }

  /**
   * The inventory a delta produces must still be one consistent tree within the fact limit (given that the
   * inventory it was applied to was one).
   *
   * @throws ConvoyException INVALID_ARGUMENT otherwise
   */
  void validateResult(java.util.NavigableMap<String, Object> inventory, Valid delta) {
    if (inventory.size() > config.maxFacts()) {
      throw ConvoyException.invalidArgument("delta: the inventory would hold " + inventory.size()
          + " facts (expected: at most " + config.maxFacts() + ")");
    }
    // the stored inventory passed these rules when it was applied: only what the delta touches needs a look
    DeltaCheck.check(inventory, delta.facts().keySet(), delta.removed());
  }

  /**
   * A hash report names its hash; a digest report its digest, and a full one may name its hash too (it is checked
   * and kept), while a digest delta names none (the hash is not kept up to date incrementally).
   */
  private static void requireHashes(InventoryReport report) {
    if (!report.digestReport()) {
      requireHex("inventory_sha256", report.inventorySha256());
      return;
    }
    requireHex("inventory_digest", report.inventoryDigest());
    if (report.body() instanceof InventoryReport.Full) {
      if (!report.inventorySha256().isEmpty()) {
        requireHex("inventory_sha256", report.inventorySha256());
      }
    } else if (!report.inventorySha256().isEmpty()) {
      throw ConvoyException.invalidArgument("inventory_sha256: set in a delta with inventory_digest (expected:"
          + " empty; a digest delta is checked by its digest)");
    }
  }

  /** {@link #SHA256}, checked by a scan first: every report has two of them. */
  private static void requireHex(String field, String value) {
    boolean hex = value.length() == 64;
    for (int i = 0; hex && i < 64; i++) {
      char c = value.charAt(i);
      hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
    if (!hex) {
      Require.matches(field, value, SHA256, "64 lowercase hex digits");
    }
  }

  private void requireCount(String field, int count) {
    if (count > config.maxFacts()) {
      throw ConvoyException.invalidArgument(field + ": " + count + " facts (expected: at most " + config.maxFacts()
          + ")");
    }
  }

  private SortedMap<String, Object> facts(String field, List<Fact> facts, Map<String, Path> parsed) {
    SortedMap<String, Object> byPath = new TreeMap<>();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < facts.size(); i++) {
      String at = field + "[" + i + "]";
      Fact fact = facts.get(i);
      parsed.put(fact.path(), requirePath(at + ".path", fact.path()));
      requireValue(at + ".value", fact.value());
      Integer earlier = positions.putIfAbsent(fact.path(), i);
      if (earlier != null) {
        throw ConvoyException.invalidArgument(at + ".path: '" + Require.shown(fact.path())
            + "' appears twice (also " + field + "[" + earlier + "])");
      }
      byPath.put(fact.path(), fact.value());
    }
    return byPath;
  }

  private Path requirePath(String field, String path) {
    if (path.isEmpty()) {
      throw ConvoyException.invalidArgument(field + ": empty (expected: a canonical fact path, e.g. os.family)");
    }
    if (path.length() > config.maxPathChars()) {
      throw ConvoyException.invalidArgument(field + ": " + path.length() + " characters (expected: at most "
          + config.maxPathChars() + ")");
    }
    Path parsed;
    try {
      parsed = FactPaths.parse(path);
    } catch (QuerySyntaxException e) {
      throw ConvoyException.invalidArgument(field + ": '" + Require.shown(path) + "' is not a fact path ("
          + e.getMessage() + ")");
    }
    if (!(parsed.segments().get(0) instanceof Path.Key)
        || parsed.segments().stream().anyMatch(s -> s instanceof Path.Wildcard)) {
      throw ConvoyException.invalidArgument(field + ": '" + Require.shown(path) + "' (expected: a concrete path"
          + " that starts with a name, without [*])");
    }
    if (!FactPaths.isPlainDotted(path) && !parsed.toString().equals(path)) {
      throw ConvoyException.invalidArgument(field + ": '" + Require.shown(path) + "' is not canonical (expected: "
          + Require.shown(parsed.toString()) + ")");
    }
    return parsed;
  }

  private void requireValue(String field, Object value) {
    if (value == null) {
      throw ConvoyException.invalidArgument(field + ": not set (expected: text, integer, real or flag)");
    }
    if (value instanceof Double d && !Double.isFinite(d)) {
      throw ConvoyException.invalidArgument(field + ": " + d + " (expected: a finite real)");
    }
    if (value instanceof String text && text.length() * 3 > config.maxTextBytes()) {
      int bytes = text.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > config.maxTextBytes()) {
        throw ConvoyException.invalidArgument(field + ": " + bytes + " bytes of text (expected: at most "
            + config.maxTextBytes() + ")");
      }
    }
    if (!(value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean)) {
      throw ConvoyException.invalidArgument(field + ": a " + value.getClass().getSimpleName()
          + " (expected: text, integer, real or flag)");
    }
  }
}
