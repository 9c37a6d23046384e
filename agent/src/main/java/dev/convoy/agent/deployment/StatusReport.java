package dev.convoy.agent.deployment;

import java.time.Instant;

/**
 * One deployment state transition, as reported to the server. Idempotent on the server side:
 * {@code (deploymentId, attempt, sequence)} is applied at most once.
 *
 * @param sequence strictly increasing per (deployment, attempt), from 1; journaled, so it survives restarts
 * @param exitCode the installer's exit code where one exists, else 0
 * @param logExcerpt the tail of the per-deployment log (terminal reports), else empty
 * @param bytesDownloaded bytes fetched from the server for this attempt by this agent process
 * @param resumedFromOffset where the download resumed (0 when it started fresh)
 */
public record StatusReport(String deploymentId, int attempt, long sequence, DeploymentState state, String detail,
    int exitCode, String logExcerpt, Instant at, long bytesDownloaded, long resumedFromOffset) {}
