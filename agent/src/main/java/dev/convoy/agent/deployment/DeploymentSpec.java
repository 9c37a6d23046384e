package dev.convoy.agent.deployment;

import dev.convoy.release.PublisherPublicKey;
import dev.convoy.release.TrustedKeys;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One deployment the server wants this endpoint to work on.
 *
 * @param deploymentId unique per (campaign, endpoint); also a file name under {@code journal/} and {@code work/}
 * @param attempt starts at 1; a higher attempt from the server starts the deployment over
 * @param allowDowngrade the campaign explicitly allows installing below the installed version (a signed release
 *     must also be signed as a downgrade)
 * @param trustedKeys the publisher keys the server trusted when it sent this deployment (from the desired state);
 *     journaled with the deployment so a restart verifies against the same keys without the server
 * @param terms delivery, execution, notice, install gate and deferral of the campaign (refreshed on every desired
 *     state; {@link CampaignTerms#LEGACY} from a server that sends none)
 */
public record DeploymentSpec(String deploymentId, String campaignId, Release release, DeploymentAction action,
    int attempt, boolean allowDowngrade, List<PublisherPublicKey> trustedKeys, CampaignTerms terms) {
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  public DeploymentSpec {
    Objects.requireNonNull(deploymentId, "deploymentId");
    campaignId = campaignId == null ? "" : campaignId;
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(action, "action");
    trustedKeys = trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
    terms = terms == null ? CampaignTerms.LEGACY : terms;
  }

  /** A deployment without campaign terms (the gate is open). */
  public DeploymentSpec(String deploymentId, String campaignId, Release release, DeploymentAction action,
      int attempt, boolean allowDowngrade, List<PublisherPublicKey> trustedKeys) {
    this(deploymentId, campaignId, release, action, attempt, allowDowngrade, trustedKeys, CampaignTerms.LEGACY);
  }

  /** The same deployment under {@code newTerms} (the release and keys stay as journaled). */
  public DeploymentSpec withTerms(CampaignTerms newTerms) {
    return new DeploymentSpec(deploymentId, campaignId, release, action, attempt, allowDowngrade, trustedKeys,
        newTerms);
  }

  /** The keys as the release reader takes them. */
  public TrustedKeys keys() {
    return TrustedKeys.of(trustedKeys);
  }

  /** Whether the id is safe to use as a file name (the server chooses it; the agent does not trust it blindly). */
  public boolean hasSafeId() {
    return SAFE_ID.matcher(deploymentId).matches() && !deploymentId.contains("..");
  }
}
