package dev.convoy.agent.deployment;

import java.util.List;

/**
 * The deployments the server wants this endpoint to work on, at one revision.
 *
 * @param revision grows whenever the set changes
 * @param deployments active (not terminal on the server) deployments, in the server's order
 */
public record DesiredState(long revision, List<DeploymentSpec> deployments) {
  public DesiredState {
    deployments = List.copyOf(deployments);
  }
}
