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
 * @param deferredUntil with DEFERRED: until when the user postponed it; else null
 * @param userInitiated with INSTALLING: the user asked for it (PULL, self-service)
 * @param retryable with FAILED: the installer says a later attempt may succeed
 */
public record StatusReport(String deploymentId, int attempt, long sequence, DeploymentState state, String detail,
    int exitCode, String logExcerpt, Instant at, long bytesDownloaded, long resumedFromOffset, Instant deferredUntil,
    boolean userInitiated, boolean retryable) {
  /** A report without the campaign fields. */
  public StatusReport(String deploymentId, int attempt, long sequence, DeploymentState state, String detail,
      int exitCode, String logExcerpt, Instant at, long bytesDownloaded, long resumedFromOffset) {
    this(deploymentId, attempt, sequence, state, detail, exitCode, logExcerpt, at, bytesDownloaded,
        resumedFromOffset, null, false, false);
  }

  /** The same report with another sequence number (a permit re-sent past a sequence the server already holds). */
  public StatusReport withSequence(long newSequence) {
    return new StatusReport(deploymentId, attempt, newSequence, state, detail, exitCode, logExcerpt, at,
        bytesDownloaded, resumedFromOffset, deferredUntil, userInitiated, retryable);
  }
}
