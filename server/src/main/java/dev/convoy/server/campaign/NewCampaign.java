package dev.convoy.server.campaign;

import dev.convoy.server.catalogue.ReleaseHeader;
import dev.convoy.server.catalogue.SemVer;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import java.util.Objects;

/**
 * A request to create a campaign. Validated on construction; this version supports PUSH + BIG_BANG + AUTOMATIC
 * only, and says so for the other modes.
 *
 * @param title optional; empty means "{@code <name> <version>}"
 * @param allowDowngrade explicit downgrade; refused for UNINSTALL
 * @throws ConvoyException INVALID_ARGUMENT naming the field
 */
public record NewCampaign(String releaseName, String releaseVersion, Targets targets, String title,
    Delivery delivery, Rollout rollout, Execution execution, String createdBy, DeploymentAction action,
    boolean allowDowngrade) {
  public static final int MAX_TITLE = 200;

  public NewCampaign {
    Objects.requireNonNull(targets, "targets");
    Require.matches("release_name", releaseName, ReleaseHeader.NAME, "[a-z0-9][a-z0-9+._-]{0,63}");
    SemVer.parse("release_version", releaseVersion);
    title = Require.optionalText("title", title, MAX_TITLE);
    if (title.isBlank()) {
      title = releaseName + " " + releaseVersion;
    }
    requireSupported("delivery", delivery, Delivery.PUSH);
    requireSupported("rollout", rollout, Rollout.BIG_BANG);
    requireSupported("execution", execution, Execution.AUTOMATIC);
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
        DeploymentAction.INSTALL, false);
  }

  private static <E extends Enum<E>> void requireSupported(String field, E value, E supported) {
    if (value != supported) {
      throw ConvoyException.invalidArgument(field + ": " + value + " (expected: " + supported + "; " + value
          + " is not supported by this server version yet)");
    }
  }
}
