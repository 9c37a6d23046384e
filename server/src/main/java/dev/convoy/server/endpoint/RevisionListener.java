package dev.convoy.server.endpoint;

/**
 * Told, after the change is durable, that an endpoint's desired state has a new revision. The agent-session hub
 * implements it to send a hint; a lost call loses nothing because the agent's next Sync converges anyway.
 * Implementations must be thread-safe and must not block.
 */
@FunctionalInterface
public interface RevisionListener {
  void revisionChanged(String endpointId, long revision);
}
