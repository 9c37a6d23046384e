package dev.convoy.server.technician;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.CampaignService;
import dev.convoy.server.campaign.Deployment;
import dev.convoy.server.campaign.DeploymentState;
import dev.convoy.server.campaign.DeploymentStore;
import dev.convoy.server.campaign.Execution;
import dev.convoy.server.error.ConvoyException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads technician jobs: the queue of a technician (jobs of TECHNICIAN campaigns in their scope that wait for a
 * technician, are being worked on, or wait for a sign-off) and one job's full view, after the scope check.
 * Thread-safe (stateless over thread-safe stores).
 */
public final class TechnicianJobs {
  private final DeploymentStore deployments;
  private final CampaignService campaigns;
  private final TechnicianJobStore jobs;
  private final JobSites sites;
  private final Clock clock;

  public TechnicianJobs(DeploymentStore deployments, CampaignService campaigns, TechnicianJobStore jobs,
      JobSites sites, Clock clock) {
    this.deployments = deployments;
    this.campaigns = campaigns;
    this.jobs = jobs;
    this.sites = sites;
    this.clock = clock;
  }


  /**
   * The caller's queue, oldest waiting first: open jobs at endpoints in the caller's scope (and in {@code group}
   * when it is not empty).
   */
  public List<JobView> queue(Technician caller, String group) {
    List<JobView> views = new ArrayList<>();
    for (Campaign campaign : campaigns.list()) {
      if (campaign.execution() != Execution.TECHNICIAN) {
        continue;
      }
      for (Deployment d : deployments.listByCampaign(campaign.id())) {
        if (d.state() == DeploymentState.QUEUED || !sites.inScope(d.endpointId(), caller.scopes())
            || (!group.isEmpty() && !sites.inGroup(d.endpointId(), group))) {
          continue;
        }
        JobView view = view(job(d.id()), d, campaign);
        JobPhase phase = view.phase();
        boolean rollingBack = view.rollbackState() != null && !view.rollbackState().isTerminal();
        boolean open = phase == JobPhase.AWAITING_SIGN_OFF || rollingBack
            || (phase != JobPhase.FINISHED && !d.state().isTerminal());
        if (open) {
          views.add(view);
        }
      }
    }
    views.sort(Comparator.comparing(JobView::waitingSince).thenComparing(v -> v.job().deploymentId()));
    return views;
  }

  /**
   * One job, if the caller may serve its endpoint.
   *
   * @throws ConvoyException NOT_FOUND if there is no such job (no deployment of a TECHNICIAN campaign);
   *     PERMISSION_DENIED if its endpoint is outside the caller's scope
   */
  public JobView require(Technician caller, String jobId) {
    Deployment d = deployments.find(jobId).orElseThrow(() -> ConvoyException.notFound("job: " + jobId
        + " not found (expected: a job id from convoy tech queue)"));
    Campaign campaign = campaigns.require(d.campaignId());
    if (campaign.execution() != Execution.TECHNICIAN) {
      throw ConvoyException.notFound("job: " + jobId + " is a deployment of " + campaign.execution()
          + " campaign " + campaign.id() + " (expected: a TECHNICIAN campaign's deployment)");
    }
    if (!sites.inScope(d.endpointId(), caller.scopes())) {
      throw ConvoyException.permissionDenied("job: " + jobId + " is at endpoint " + d.endpointId() + " (group "
          + sites.group(d.endpointId()) + "), outside the scope of " + caller.name() + " (groups: "
          + String.join(", ", caller.scopes().stream().sorted().toList()) + ")");
    }
    return view(job(jobId), d, campaign);
  }

  /** The campaign of job {@code jobId} (a deployment id), or "" for an unknown one. */
  String campaignId(String jobId) {
    return deployments.find(jobId).map(Deployment::campaignId).orElse("");
  }

  /** The view of {@code job} as it is now. */
  JobView refresh(TechnicianJob job, String message) {
    Deployment d = deployments.find(job.deploymentId()).orElseThrow();
    return view(job, d, campaigns.require(d.campaignId())).withMessage(message);
  }

  TechnicianJob job(String jobId) {
    return jobs.find(jobId).orElseGet(() -> TechnicianJob.unclaimed(jobId, clock.instant()));
  }

  private JobView view(TechnicianJob job, Deployment d, Campaign campaign) {
    DeploymentState rollback = job.rollbackCampaignId().isEmpty() ? null
        : deployments.findByCampaignAndEndpoint(job.rollbackCampaignId(), d.endpointId())
            .map(Deployment::state).orElse(null);
    return new JobView(job, d, campaign, sites.hostname(d.endpointId()), sites.users(d.endpointId()),
        sites.group(d.endpointId()), rollback, "");
  }
}
