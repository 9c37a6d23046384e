package dev.convoy.server.campaign;

import dev.convoy.server.common.RandomIds;
import java.time.Instant;
import java.util.Objects;

/**
 * One campaign on one endpoint: the unit the agent reports on. {@code lastSequence} is the highest report sequence
 * applied for {@code attempt}; reports at or below it are stale.
 *
 * @param updatedAt when the server last changed it
 */
public record Deployment(String id, String campaignId, String endpointId, String releaseName, String releaseVersion,
    DeploymentState state, int attempt, long lastSequence, String detail, int exitCode, String logExcerpt,
    Instant createdAt, Instant updatedAt, long bytesDownloaded, long resumedFromOffset) {

  public Deployment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(state, "state");
    detail = Objects.requireNonNullElse(detail, "");
    logExcerpt = Objects.requireNonNullElse(logExcerpt, "");
  }

  /** A new deployment of {@code campaign} on {@code endpointId}: PENDING, attempt 1, nothing reported. */
  public static Deployment pending(Campaign campaign, String endpointId, Instant at) {
    return new Deployment(RandomIds.next("dep-"), campaign.id(), endpointId, campaign.releaseName(),
        campaign.releaseVersion(), DeploymentState.PENDING, 1, 0, "", 0, "", at, at, 0, 0);
  }

  /** This deployment after {@code report} was applied at {@code at}. */
  public Deployment apply(StatusReport report, Instant at) {
    return new Deployment(id, campaignId, endpointId, releaseName, releaseVersion, report.state(), report.attempt(),
        report.sequence(), report.detail(), report.exitCode(), report.logExcerpt(), createdAt, at,
        report.bytesDownloaded(), report.resumedFromOffset());
  }
}
