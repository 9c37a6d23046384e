package dev.convoy.agent.deployment;

/**
 * The server's answer to a report.
 *
 * @param applied false when the report was a duplicate or stale (nothing changed on the server)
 * @param currentState the server's current view of the deployment, or null when it sent none
 */
public record StatusAck(boolean applied, DeploymentState currentState, long currentSequence) {}
