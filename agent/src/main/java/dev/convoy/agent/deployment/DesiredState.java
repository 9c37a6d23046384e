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
 * @param technicianVisits technicians coming for technician jobs, with the codes to show (issue 5)
 */
public record DesiredState(long revision, List<DeploymentSpec> deployments, List<PublisherPublicKey> trustedKeys,
    List<dev.convoy.agent.technician.TechnicianVisit> technicianVisits) {
  public DesiredState {
    deployments = List.copyOf(deployments);
    trustedKeys = trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
    technicianVisits = technicianVisits == null ? List.of() : List.copyOf(technicianVisits);
  }

  /** A desired state without technician visits. */
  public DesiredState(long revision, List<DeploymentSpec> deployments, List<PublisherPublicKey> trustedKeys) {
    this(revision, deployments, trustedKeys, List.of());
  }

  /** A desired state without trusted keys. */
  public DesiredState(long revision, List<DeploymentSpec> deployments) {
    this(revision, deployments, List.of());
  }
}
