package dev.convoy.agent.deployment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One deployment the server wants this endpoint to work on.
 *
 * @param deploymentId unique per (campaign, endpoint); also a file name under {@code journal/} and {@code work/}
 * @param attempt starts at 1; a higher attempt from the server starts the deployment over
 */
public record DeploymentSpec(String deploymentId, String campaignId, Release release, DeploymentAction action,
    int attempt) {
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  public DeploymentSpec {
    Objects.requireNonNull(deploymentId, "deploymentId");
    campaignId = campaignId == null ? "" : campaignId;
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(action, "action");
  }

  /** Whether the id is safe to use as a file name (the server chooses it; the agent does not trust it blindly). */
  public boolean hasSafeId() {
    return SAFE_ID.matcher(deploymentId).matches() && !deploymentId.contains("..");
  }
}
