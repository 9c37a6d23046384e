package dev.convoy.server.inventory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An agent's inventory report (docs/inventory.md "Reports"): the whole inventory ({@link Full}) or the changes since
 * the inventory the server last acknowledged ({@link Delta}), with the hash of the whole inventory after it.
 * Only structure is checked here; {@link InventoryService#report} validates content against the limits.
 *
 * @param inventorySha256 lowercase hex SHA-256 of the canonical inventory after this report
 * @param reason why the agent sent it ({@code connect}, {@code schedule}, {@code install} ...); may be empty
 */
public record InventoryReport(String endpointId, String inventorySha256, String reason, Body body) {

  /** What the report carries. */
  public sealed interface Body permits Full, Delta {}

  /** Every fact of the endpoint; replaces what the server holds. */
  public record Full(List<Fact> facts) implements Body {
    public Full {
      facts = List.copyOf(facts);
    }
  }

  /**
   * The facts added or changed, and the paths removed, relative to the inventory whose hash is {@code baseSha256}.
   */
  public record Delta(String baseSha256, List<Fact> set, List<String> removed) implements Body {
    public Delta {
      baseSha256 = Objects.requireNonNullElse(baseSha256, "");
      set = List.copyOf(set);
      removed = List.copyOf(removed);
    }
  }

  public InventoryReport {
    Objects.requireNonNull(endpointId, "endpointId");
    inventorySha256 = Objects.requireNonNullElse(inventorySha256, "");
    reason = Objects.requireNonNullElse(reason, "");
    Objects.requireNonNull(body, "body");
  }

  /** A full report of {@code facts} (path → scalar); {@code sha256} is their canonical hash. */
  public static InventoryReport full(String endpointId, Map<String, ?> facts, String sha256, String reason) {
    List<Fact> list = facts.entrySet().stream().map(e -> new Fact(e.getKey(), e.getValue())).toList();
    return new InventoryReport(endpointId, sha256, reason, new Full(list));
  }

  /** A delta on the inventory hashed {@code baseSha256}, giving the inventory hashed {@code sha256}. */
  public static InventoryReport delta(String endpointId, String baseSha256, Map<String, ?> set, List<String> removed,
      String sha256, String reason) {
    List<Fact> list = set.entrySet().stream().map(e -> new Fact(e.getKey(), e.getValue())).toList();
    return new InventoryReport(endpointId, sha256, reason, new Delta(baseSha256, list, removed));
  }
}
