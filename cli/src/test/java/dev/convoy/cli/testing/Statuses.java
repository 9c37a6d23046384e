package dev.convoy.cli.testing;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.Endpoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Builds CampaignStatus messages the way the server computes them (counts, total, succeeded, failed). */
public final class Statuses {
  private static final Set<DeploymentState> SUCCESS =
      EnumSet.of(DeploymentState.SUCCEEDED, DeploymentState.ALREADY_INSTALLED);
  private static final Set<DeploymentState> FAILURE =
      EnumSet.of(DeploymentState.FAILED, DeploymentState.FAILED_VERIFICATION, DeploymentState.ROLLED_BACK);

  private Statuses() {}

  public static DeploymentStatus deployment(Endpoint endpoint, DeploymentState state, String detail, int exitCode) {
    return DeploymentStatus.newBuilder().setDeploymentId("d-" + endpoint.getEndpointId())
        .setEndpointId(endpoint.getEndpointId()).setHostname(endpoint.getHostname()).setState(state)
        .setAttempt(1).setDetail(detail).setExitCode(exitCode).build();
  }

  public static CampaignStatus status(Campaign campaign, CampaignState state, List<DeploymentStatus> deployments) {
    TreeMap<String, Integer> counts = new TreeMap<>();
    int succeeded = 0;
    int failed = 0;
    for (DeploymentStatus d : deployments) {
      counts.merge(d.getState().name(), 1, Integer::sum);
      succeeded += SUCCESS.contains(d.getState()) ? 1 : 0;
      failed += FAILURE.contains(d.getState()) ? 1 : 0;
    }
    return CampaignStatus.newBuilder().setCampaign(campaign.toBuilder().setState(state)).putAllCounts(counts)
        .setTotal(deployments.size()).setSucceeded(succeeded).setFailed(failed)
        .setInProgress(deployments.size() - succeeded - failed).addAllDeployments(deployments).build();
  }

  /** RUNNING with all PENDING, RUNNING with the first SUCCEEDED, then COMPLETED with all SUCCEEDED. */
  public static List<CampaignStatus> allSucceed(Campaign campaign, List<Endpoint> targets) {
    return progression(campaign, targets, DeploymentState.SUCCEEDED, "installed", 0);
  }

  /** Like {@link #allSucceed}, but the last endpoint ends FAILED with exit code 3. */
  public static List<CampaignStatus> lastFails(Campaign campaign, List<Endpoint> targets) {
    return progression(campaign, targets, DeploymentState.FAILED, "install script failed", 3);
  }

  private static List<CampaignStatus> progression(Campaign campaign, List<Endpoint> targets,
      DeploymentState lastState, String lastDetail, int lastExit) {
    List<DeploymentStatus> pending = new ArrayList<>();
    List<DeploymentStatus> partial = new ArrayList<>();
    List<DeploymentStatus> done = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Endpoint e = targets.get(i);
      boolean last = i == targets.size() - 1;
      pending.add(deployment(e, DeploymentState.PENDING, "", 0));
      partial.add(i == 0 ? deployment(e, DeploymentState.SUCCEEDED, "installed", 0)
          : deployment(e, DeploymentState.DOWNLOADING, "", 0));
      done.add(last ? deployment(e, lastState, lastDetail, lastExit)
          : deployment(e, DeploymentState.SUCCEEDED, "installed", 0));
    }
    return List.of(status(campaign, CampaignState.RUNNING, pending),
        status(campaign, CampaignState.RUNNING, partial),
        status(campaign, CampaignState.COMPLETED, done));
  }

  public static Endpoint endpoint(String id, String hostname, String group, boolean online) {
    return Endpoint.newBuilder().setEndpointId(id).setHostname(hostname).setGroup(group).setOnline(online)
        .setOs("Debian GNU/Linux 12 (bookworm)").build();
  }
}
