package dev.convoy.server.technician;

import java.util.List;
import java.util.Set;

/**
 * Port: what the technician workflow needs to know about the endpoints jobs are at: names to find the desk, the
 * groups that decide a technician's scope, and the installed version of a package (for a rollback). Thread-safe.
 */
public interface JobSites {
  /** The endpoint's hostname, or "" if unknown. */
  String hostname(String endpointId);

  /** The users logged in there (inventory {@code users.logged_in}), possibly none. */
  List<String> users(String endpointId);

  /** The endpoint's enrollment group (site). */
  String group(String endpointId);

  /** Whether a person scoped to {@code scopes} (group names; empty = every endpoint) may serve this endpoint. */
  boolean inScope(String endpointId, Set<String> scopes);

  /** Whether the endpoint belongs to {@code group} (static or dynamic). */
  boolean inGroup(String endpointId, String group);

  /** The version of {@code packageName} installed there by Convoy or the package manager, or "". */
  String installedVersion(String endpointId, String packageName);
}
