package dev.convoy.server.inventory;

import dev.convoy.inventory.InventoryDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An agent's inventory report (docs/inventory.md "Reports"): the whole inventory ({@link Full}) or the changes since
 * the inventory the server last acknowledged ({@link Delta}), with the hash of the whole inventory after it.
 * Only structure is checked here; {@link InventoryService#report} validates content against the limits.
 *
 * @param inventorySha256 lowercase hex SHA-256 of the canonical inventory after this report; may be empty when
 *     {@code inventoryDigest} is set
 * @param reason why the agent sent it ({@code connect}, {@code schedule}, {@code install} ...); may be empty
 * @param inventoryDigest the {@link InventoryDigest} of the inventory after this report, or empty: a report that
 *     has it is a digest report (its delta names its base by {@link Delta#baseDigest})
 */
public record InventoryReport(String endpointId, String inventorySha256, String reason, Body body,
    String inventoryDigest) {

  /** What the report carries. */
  public sealed interface Body permits Full, Delta {}

  /** Every fact of the endpoint; replaces what the server holds. */
  public record Full(List<Fact> facts) implements Body {
    public Full {
      facts = List.copyOf(facts);
    }
  }

  /**
   * The facts added or changed, and the paths removed, relative to the inventory whose hash is {@code baseSha256}
   * (hash reports) or whose digest is {@code baseDigest} (digest reports).
   */
  public record Delta(String baseSha256, List<Fact> set, List<String> removed, String baseDigest) implements Body {
    public Delta {
      baseSha256 = Objects.requireNonNullElse(baseSha256, "");
      set = List.copyOf(set);
      removed = List.copyOf(removed);
      baseDigest = Objects.requireNonNullElse(baseDigest, "");
    }

    /** A hash-based delta. */
    public Delta(String baseSha256, List<Fact> set, List<String> removed) {
      this(baseSha256, set, removed, "");
    }
  }

  public InventoryReport {
    Objects.requireNonNull(endpointId, "endpointId");
    inventorySha256 = Objects.requireNonNullElse(inventorySha256, "");
    reason = Objects.requireNonNullElse(reason, "");
    Objects.requireNonNull(body, "body");
    inventoryDigest = Objects.requireNonNullElse(inventoryDigest, "");
  }

  /** A hash report (no digest). */
  public InventoryReport(String endpointId, String inventorySha256, String reason, Body body) {
    this(endpointId, inventorySha256, reason, body, "");
  }

  /** Whether the report is checked by its digest rather than by its hash. */
  public boolean digestReport() {
    return !inventoryDigest.isEmpty();
  }

  /** A full report of {@code facts} (path → scalar); {@code sha256} is their canonical hash. */
  public static InventoryReport full(String endpointId, Map<String, ?> facts, String sha256, String reason) {
    List<Fact> list = facts.entrySet().stream().map(e -> new Fact(e.getKey(), e.getValue())).toList();
    return new InventoryReport(endpointId, sha256, reason, new Full(list));
  }

  /** A full report of {@code facts} with their {@link InventoryDigest} (and their hash, or empty). */
  public static InventoryReport fullWithDigest(String endpointId, Map<String, ?> facts, String sha256,
      String digest, String reason) {
    List<Fact> list = facts.entrySet().stream().map(e -> new Fact(e.getKey(), e.getValue())).toList();
    return new InventoryReport(endpointId, sha256, reason, new Full(list), digest);
  }

  /** A delta on the inventory whose digest is {@code baseDigest}, giving the inventory whose digest is {@code digest}. */
  public static InventoryReport digestDelta(String endpointId, String baseDigest, Map<String, ?> set,
      List<String> removed, String digest, String reason) {
    List<Fact> list = set.entrySet().stream().map(e -> new Fact(e.getKey(), e.getValue())).toList();
    return new InventoryReport(endpointId, "", reason, new Delta("", list, removed, baseDigest), digest);
  }

  /** A delta on the inventory hashed {@code baseSha256}, giving the inventory hashed {@code sha256}. */
  public static InventoryReport delta(String endpointId, String baseSha256, Map<String, ?> set, List<String> removed,
      String sha256, String reason) {
    List<Fact> list = set.entrySet().stream().map(e -> new Fact(e.getKey(), e.getValue())).toList();
    return new InventoryReport(endpointId, sha256, reason, new Delta(baseSha256, list, removed));
  }
}
