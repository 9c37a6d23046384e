package dev.convoy.server.common;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of revoking an endpoint or a person.
 *
 * @param target the endpoint id or person name
 * @param alreadyRevoked true if it was revoked before (nothing changed: revoking is idempotent)
 * @param revokedAt when it was revoked (the first time); null for an endpoint revoked by an older server
 */
public record Revocation(String target, boolean alreadyRevoked, Instant revokedAt) {
  /** The audit details of a revocation: the comment (if any) and whether it was a repeat. */
  public static Map<String, String> auditDetails(String comment, boolean alreadyRevoked) {
    Map<String, String> details = new LinkedHashMap<>();
    if (!comment.isEmpty()) {
      details.put("comment", comment);
    }
    if (alreadyRevoked) {
      details.put("already_revoked", "true");
    }
    return details;
  }
}
