package dev.convoy.server.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What happened, as a caller asks the {@link AuditLog} to record it; the log adds sequence, time and chain hashes.
 *
 * @param actor the certificate subject of who did it (or {@code server} for the server itself)
 * @param action dotted verb, e.g. {@code campaign.start}, {@code endpoint.revoke}
 * @param target what it was done to: campaign id, endpoint id, {@code name@version}, person name …; may be empty
 * @param details small action-specific facts (comment, group, wave …); never secrets. Kept sorted by key.
 */
public record AuditEvent(String actor, String action, String target, Map<String, String> details) {
  /** Bound on any one text of an event, so that a caller cannot bloat the log. */
  public static final int MAX_TEXT = 1024;
  public static final int MAX_DETAILS = 32;

  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    if (action.isEmpty()) {
      throw new IllegalArgumentException("action: empty (expected: a dotted verb such as campaign.start)");
    }
    if (details.size() > MAX_DETAILS) {
      throw new IllegalArgumentException("details: " + details.size() + " entries (expected: <= " + MAX_DETAILS
          + ")");
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    details.forEach((k, v) -> sorted.put(clip(k), clip(v)));
    details = java.util.Collections.unmodifiableSortedMap(sorted);
    actor = clip(actor);
    target = clip(target);
  }

  public AuditEvent(String actor, String action, String target) {
    this(actor, action, target, Map.of());
  }

  private static String clip(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }
}
