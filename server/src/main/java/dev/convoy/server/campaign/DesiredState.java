package dev.convoy.server.campaign;

import dev.convoy.server.catalogue.Release;
import java.util.List;

/**
 * What an endpoint should work on: its non-terminal deployments with their releases, at a revision that grows
 * whenever that set changes.
 */
public record DesiredState(String endpointId, long revision, List<Assignment> assignments) {
  public DesiredState {
    assignments = List.copyOf(assignments);
  }

  /**
   * One deployment to work on, the release it installs or uninstalls, and its campaign's action and downgrade
   * permission.
   */
  public record Assignment(Deployment deployment, Release release, DeploymentAction action,
      boolean allowDowngrade) {}
}
