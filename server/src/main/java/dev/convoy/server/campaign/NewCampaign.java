package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.catalogue.ReleaseHeader;
import dev.convoy.server.catalogue.SemVer;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.util.Objects;

/**
 * A request to create a campaign: release, targets, one value on each of the three axes, and its plan. Field checks
 * run on construction; the plan is checked against the clock and the targets by {@link CampaignService#create}.
 *
 * @param title optional; empty means "{@code <name> <version>}"
 * @param allowDowngrade explicit downgrade; refused for UNINSTALL
 * @throws ConvoyException INVALID_ARGUMENT naming the field
 */
public record NewCampaign(String releaseName, String releaseVersion, Targets targets, String title,
    Delivery delivery, Rollout rollout, Execution execution, String createdBy, DeploymentAction action,
    boolean allowDowngrade, CampaignPlan plan) {
  public static final int MAX_TITLE = 200;

  public NewCampaign {
    Objects.requireNonNull(targets, "targets");
    Require.matches("release_name", releaseName, ReleaseHeader.NAME, "[a-z0-9][a-z0-9+._-]{0,63}");
    SemVer.parse("release_version", releaseVersion);
    title = Require.optionalText("title", title, MAX_TITLE);
    if (title.isBlank()) {
      title = releaseName + " " + releaseVersion;
    }
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(execution, "execution");
    plan = Objects.requireNonNullElse(plan, CampaignPlan.immediate());
    createdBy = Objects.requireNonNullElse(createdBy, "");
    Objects.requireNonNull(action, "action");
    if (allowDowngrade && action == DeploymentAction.UNINSTALL) {
      throw ConvoyException.invalidArgument("allow_downgrade: true (expected: false for an UNINSTALL campaign)");
    }
  }

  /** An INSTALL campaign without downgrade. */
  public NewCampaign(String releaseName, String releaseVersion, Targets targets, String title, Delivery delivery,
      Rollout rollout, Execution execution, String createdBy) {
    this(releaseName, releaseVersion, targets, title, delivery, rollout, execution, createdBy,
        DeploymentAction.INSTALL, false, CampaignPlan.immediate());
  }

  /** A campaign without a plan: start at once, no windows, no notice lead, no gates. */
  public NewCampaign(String releaseName, String releaseVersion, Targets targets, String title, Delivery delivery,
      Rollout rollout, Execution execution, String createdBy, DeploymentAction action, boolean allowDowngrade) {
    this(releaseName, releaseVersion, targets, title, delivery, rollout, execution, createdBy, action,
        allowDowngrade, CampaignPlan.immediate());
  }
}
