package dev.convoy.agent.session;

/**
 * The first message on every session stream.
 *
 * @param knownRevision the last desired-state revision this agent synced (0 before the first sync)
 */
public record Hello(String endpointId, String agentVersion, long knownRevision) {}
