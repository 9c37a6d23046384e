package dev.convoy.server.campaign;

import dev.convoy.server.error.ConvoyException;
import java.time.Instant;
import java.util.Objects;

/**
 * The deployment of one release to a target set, with its mode on each of the three axes.
 *
 * @param deploymentCount deployments created when it started, plus those added since for endpoints that joined a
 *     dynamic group it targets (0 while DRAFT)
 * @param startedAt null until started
 * @param finishedAt null until terminal
 * @param action install or uninstall the release
 * @param allowDowngrade the campaign explicitly allows installing below the installed version (only accepted for a
 *     release whose signed manifest allows downgrades)
 */
public record Campaign(String id, String title, String releaseName, String releaseVersion, Targets targets,
    CampaignState state, Delivery delivery, Rollout rollout, Execution execution, String createdBy,
    Instant createdAt, Instant startedAt, Instant finishedAt, int deploymentCount, DeploymentAction action,
    boolean allowDowngrade) {

  public Campaign {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(releaseName, "releaseName");
    Objects.requireNonNull(releaseVersion, "releaseVersion");
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(action, "action");
  }

  /** An INSTALL campaign without downgrade. */
  public Campaign(String id, String title, String releaseName, String releaseVersion, Targets targets,
      CampaignState state, Delivery delivery, Rollout rollout, Execution execution, String createdBy,
      Instant createdAt, Instant startedAt, Instant finishedAt, int deploymentCount) {
    this(id, title, releaseName, releaseVersion, targets, state, delivery, rollout, execution, createdBy, createdAt,
        startedAt, finishedAt, deploymentCount, DeploymentAction.INSTALL, false);
  }

  public String releaseRef() {
    return releaseName + "@" + releaseVersion;
  }

  /** This campaign RUNNING since {@code at} with {@code deployments} deployments. */
  public Campaign started(Instant at, int deployments) {
    requireCanMoveTo(CampaignState.RUNNING);
    return new Campaign(id, title, releaseName, releaseVersion, targets, CampaignState.RUNNING, delivery, rollout,
        execution, createdBy, createdAt, at, null, deployments, action, allowDowngrade);
  }

  /** This RUNNING campaign with one more deployment (an endpoint that joined a dynamic group it targets). */
  public Campaign withDeploymentAdded() {
    if (state != CampaignState.RUNNING) {
      throw ConvoyException.failedPrecondition("campaign " + id + " is " + state
          + " (expected: RUNNING to add a deployment)");
    }
    return new Campaign(id, title, releaseName, releaseVersion, targets, state, delivery, rollout, execution,
        createdBy, createdAt, startedAt, finishedAt, deploymentCount + 1, action, allowDowngrade);
  }

  /** This campaign COMPLETED at {@code at}. */
  public Campaign completed(Instant at) {
    requireCanMoveTo(CampaignState.COMPLETED);
    return new Campaign(id, title, releaseName, releaseVersion, targets, CampaignState.COMPLETED, delivery, rollout,
        execution, createdBy, createdAt, startedAt, at, deploymentCount, action, allowDowngrade);
  }

  private void requireCanMoveTo(CampaignState next) {
    if (!state.canMoveTo(next)) {
      throw ConvoyException.failedPrecondition("campaign " + id + " is " + state + " (expected: one of "
          + stateThatLeadsTo(next) + " to become " + next + ")");
    }
  }

  private static String stateThatLeadsTo(CampaignState next) {
    StringBuilder names = new StringBuilder();
    for (CampaignState state : CampaignState.values()) {
      if (state.canMoveTo(next)) {
        names.append(names.isEmpty() ? "" : ", ").append(state);
      }
    }
    return names.toString();
  }
}
