package dev.convoy.server.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The summary of a campaign an admin reads on Monday morning: totals, waves, notices, deferrals, retries, timeouts,
 * when installs began and ended, what failed and what is not finished.
 *
 * @param firstInstallAt the first install permit granted, null if none
 * @param lastFinishedAt the last deployment that became final, null if none
 */
public record CampaignReport(Campaign campaign, Instant generatedAt, Map<DeploymentState, Long> counts,
    List<CampaignStatus.WaveView> waves, long total, long succeeded, long failed, long inProgress, long cancelled,
    Instant firstInstallAt, Instant lastFinishedAt, long noticesDelivered, long deferred, long retried,
    long timedOut, List<CampaignStatus.DeploymentView> failures, List<CampaignStatus.DeploymentView> unfinished) {
  public CampaignReport {
    counts = Map.copyOf(counts);
    waves = List.copyOf(waves);
    failures = List.copyOf(failures);
    unfinished = List.copyOf(unfinished);
  }
}
