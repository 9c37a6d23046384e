package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.NoticeSpec;
import dev.convoy.server.catalogue.Release;
import java.util.List;

/**
 * What an endpoint should work on: its offered, not final deployments with their releases, notices and gates, at a
 * revision that grows whenever that set or what the agent is told about it changes — except when a deployment
 * leaves the set because the agent itself reported its final state (it knows; a new revision would only cost a Sync).
 */
public record DesiredState(String endpointId, long revision, List<Assignment> assignments) {
  public DesiredState {
    assignments = List.copyOf(assignments);
  }

  /**
   * One deployment to work on: the release it installs or uninstalls, its campaign, the notice to show first (the
   * admin's text or a default one), the install gate and the user's room to defer.
   */
  public record Assignment(Deployment deployment, Release release, Campaign campaign, NoticeSpec notice,
      InstallGate.View gate) {
    public DeploymentAction action() {
      return campaign.action();
    }

    public boolean allowDowngrade() {
      return campaign.allowDowngrade();
    }
  }
}
