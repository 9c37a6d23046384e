package dev.convoy.server.campaign;

import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.window.Windows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Read-only views of campaigns: status (per wave, per endpoint) and the summary report. Thread-safe. */
public final class CampaignViews {
  private final CampaignContext ctx;
  private final CampaignService campaigns;

  CampaignViews(CampaignContext ctx, CampaignService campaigns) {
    this.ctx = ctx;
    this.campaigns = campaigns;
  }

  /** The campaign with its counters, waves and its deployments (by endpoint id). */
  public CampaignStatus status(String campaignId) {
    Campaign campaign = campaigns.require(campaignId);
    List<CampaignStatus.DeploymentView> views = ctx.deployments().listByCampaign(campaignId).stream()
        .sorted(Comparator.comparing(Deployment::endpointId))
        .map(this::view)
        .toList();
    return status(campaign, views);
  }

  /**
   * The campaign with its counters and only {@code endpointId}'s deployment.
   *
   * @throws ConvoyException NOT_FOUND naming the campaign, or the endpoint if it has no deployment in the campaign
   */
  public CampaignStatus status(String campaignId, String endpointId) {
    Campaign campaign = campaigns.require(campaignId);
    Deployment deployment = ctx.deployments().findByCampaignAndEndpoint(campaignId, endpointId)
        .orElseThrow(() -> ConvoyException.notFound("endpoint_id: " + endpointId + " has no deployment in campaign "
            + campaignId));
    return status(campaign, List.of(view(deployment)));
  }

  private CampaignStatus status(Campaign campaign, List<CampaignStatus.DeploymentView> views) {
    Map<DeploymentState, Long> counts = ctx.campaigns().counts(campaign.id());
    Windows windows = campaign.plan().windows();
    Instant now = ctx.clock().instant();
    Instant next = windows.anytime() ? null
        : windows.nextStart(now, CampaignContext.fixedZone(windows)).orElse(null);
    long pending = counts.getOrDefault(DeploymentState.PENDING, 0L) + counts.getOrDefault(DeploymentState.OFFERED, 0L);
    return new CampaignStatus(campaign, counts, views, waves(campaign), next, pending);
  }

  private List<CampaignStatus.WaveView> waves(Campaign campaign) {
    Map<Integer, Map<DeploymentState, Long>> counts = ctx.campaigns().waveCounts(campaign.id());
    List<CampaignStatus.WaveView> views = new ArrayList<>();
    for (WaveProgress wave : campaign.waves()) {
      Map<DeploymentState, Long> c = counts.getOrDefault(wave.index(), Map.of());
      views.add(new CampaignStatus.WaveView(wave, c, WaveGate.judge(wave, c)));
    }
    return views;
  }

  private CampaignStatus.DeploymentView view(Deployment d) {
    return new CampaignStatus.DeploymentView(d, ctx.endpoints().find(d.endpointId()).map(Endpoint::hostname)
        .orElse(""));
  }

  /** The summary: read from every deployment of the campaign (a report is asked for rarely). */
  public CampaignReport report(String campaignId) {
    Campaign campaign = campaigns.require(campaignId);
    List<Deployment> all = ctx.deployments().listByCampaign(campaignId).stream()
        .sorted(Comparator.comparing(Deployment::endpointId)).toList();
    Map<DeploymentState, Long> counts = new EnumMap<>(DeploymentState.class);
    Instant firstInstall = null;
    Instant lastFinished = null;
    long notices = 0;
    long deferred = 0;
    long retried = 0;
    long timedOut = 0;
    List<CampaignStatus.DeploymentView> failures = new ArrayList<>();
    List<CampaignStatus.DeploymentView> unfinished = new ArrayList<>();
    for (Deployment d : all) {
      counts.merge(d.state(), 1L, Long::sum);
      if (d.installStartedAt() != null && (firstInstall == null || d.installStartedAt().isBefore(firstInstall))) {
        firstInstall = d.installStartedAt();
      }
      if (d.state().isTerminal() && (lastFinished == null || d.updatedAt().isAfter(lastFinished))) {
        lastFinished = d.updatedAt();
      }
      notices += d.noticeDeliveredAt() != null ? 1 : 0;
      deferred += d.deferralCount() > 0 ? 1 : 0;
      retried += d.attempt() > 1 ? 1 : 0;
      timedOut += d.timedOut() ? 1 : 0;
      if (d.state().isFailure()) {
        failures.add(view(d));
      } else if (!d.state().isTerminal()) {
        unfinished.add(view(d));
      }
    }
    long succeeded = counts.entrySet().stream().filter(e -> e.getKey().isSuccess()).mapToLong(Map.Entry::getValue)
        .sum();
    long failed = failures.size();
    long cancelled = counts.getOrDefault(DeploymentState.CANCELLED, 0L);
    return new CampaignReport(campaign, ctx.clock().instant(), counts, waves(campaign), all.size(), succeeded, failed,
        unfinished.size(), cancelled, firstInstall, lastFinished, notices, deferred, retried, timedOut, failures,
        unfinished);
  }
}
