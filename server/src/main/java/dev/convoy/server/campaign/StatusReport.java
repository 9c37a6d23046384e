package dev.convoy.server.campaign;

import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What an agent reports about one deployment. Validated on construction; {@code detail} and {@code logExcerpt} are
 * bounded here (detail keeps its start, the log its end) rather than refused, because losing a status report over
 * a long log line would be worse than trimming it.
 *
 * @param at when the agent made the transition (null: unknown)
 * @param deferredUntil with DEFERRED: until when the user postponed the install (else null)
 * @param userInitiated with INSTALLING: the user asked for it (self-service, PULL)
 * @param retryable with FAILED: the installer says a later attempt may succeed
 * @throws ConvoyException INVALID_ARGUMENT naming the field
 */
public record StatusReport(String deploymentId, int attempt, long sequence, DeploymentState state, String detail,
    int exitCode, String logExcerpt, Instant at, long bytesDownloaded, long resumedFromOffset, Instant deferredUntil,
    boolean userInitiated, boolean retryable) {
  public static final Pattern DEPLOYMENT_ID = Pattern.compile("dep-[0-9a-f]{16}");
  public static final int MAX_DETAIL = 4 * 1024;
  public static final int MAX_LOG_EXCERPT = 64 * 1024;

  public StatusReport {
    Require.matches("deployment_id", deploymentId, DEPLOYMENT_ID, "dep- followed by 16 lowercase hex digits");
    Require.inRange("attempt", attempt, 1, Integer.MAX_VALUE);
    Require.inRange("sequence", sequence, 1, Long.MAX_VALUE);
    if (state == null || state.serverOnly()) {
      throw ConvoyException.invalidArgument("state: " + (state == null ? "unspecified" : state)
          + " (expected: a state the agent reports, from OFFERED on)");
    }
    if (state == DeploymentState.DEFERRED && deferredUntil == null) {
      throw ConvoyException.invalidArgument("deferred_until: unset (expected: the end of the deferral with DEFERRED)");
    }
    Require.inRange("bytes_downloaded", bytesDownloaded, 0, Long.MAX_VALUE);
    Require.inRange("resumed_from_offset", resumedFromOffset, 0, Long.MAX_VALUE);
    detail = Require.head(detail, MAX_DETAIL);
    logExcerpt = Require.tail(logExcerpt, MAX_LOG_EXCERPT);
  }

  /** A report without deferral, self-service or retry information. */
  public StatusReport(String deploymentId, int attempt, long sequence, DeploymentState state, String detail,
      int exitCode, String logExcerpt, Instant at, long bytesDownloaded, long resumedFromOffset) {
    this(deploymentId, attempt, sequence, state, detail, exitCode, logExcerpt, at, bytesDownloaded,
        resumedFromOffset, null, false, false);
  }
}
