package dev.convoy.server.campaign;

/**
 * The answer to a status report: whether it changed anything, and the server's view of the deployment after it.
 * {@code applied = false} means a duplicate or stale report; nothing was written.
 */
public record ReportResult(boolean applied, DeploymentState state, long sequence) {}
