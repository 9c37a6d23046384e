package dev.convoy.agent.deployment;

import dev.convoy.release.PublisherPublicKey;
import java.util.List;

/**
 * The deployments the server wants this endpoint to work on, at one revision.
 *
 * @param revision grows whenever the set changes
 * @param deployments active (not terminal on the server) deployments, in the server's order; each carries the
 *     trusted keys too ({@link DeploymentSpec#trustedKeys()})
 * @param trustedKeys the publisher keys the server trusts: signed releases must verify against one of them
 */
public record DesiredState(long revision, List<DeploymentSpec> deployments, List<PublisherPublicKey> trustedKeys) {
  public DesiredState {
    deployments = List.copyOf(deployments);
    trustedKeys = trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
  }

  /** A desired state without trusted keys. */
  public DesiredState(long revision, List<DeploymentSpec> deployments) {
    this(revision, deployments, List.of());
  }
}
