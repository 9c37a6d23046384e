package dev.convoy.cli.campaign;

import dev.convoy.cli.campaign.options.Choices;
import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.ListCampaignsResponse;
import dev.convoy.protocol.v1.Release;

/** Table renderings of campaigns: one campaign as key/value lines, a list as rows. */
public final class CampaignView {
  private CampaignView() {}

  /** {@code hello-convoy@1.0.0}. */
  public static String release(Release release) {
    return release.getName() + "@" + release.getVersion();
  }

  /** The campaign as aligned {@code key value} lines, its settings ({@link CampaignSettings}) after the basics. */
  public static String render(Campaign campaign) {
    Table table = new Table("campaign", campaign.getCampaignId())
        .row("title", campaign.getTitle())
        .row("release", release(campaign.getRelease()))
        .row("targets", TargetsParser.format(campaign.getTargets()))
        .row("state", state(campaign))
        .row("action", action(campaign))
        .row("mode", axes(campaign))
        .row("created", Times.iso(campaign.getCreatedAt()) + " by " + campaign.getCreatedBy());
    if (Times.instant(campaign.getStartedAt()) != null) {
      table.row("started", Times.iso(campaign.getStartedAt()));
    }
    if (Times.instant(campaign.getFinishedAt()) != null) {
      table.row("finished", Times.iso(campaign.getFinishedAt()));
    }
    if (!campaign.getApprovalState().isEmpty()) {
      table.row("approval", campaign.getApprovalState());
    }
    CampaignSettings.rows(campaign, table);
    return table.render();
  }

  /** {@code RUNNING}, or {@code PAUSED (error threshold breached)} with the server's reason. */
  public static String state(Campaign campaign) {
    String reason = campaign.getStateReason().strip();
    return campaign.getState().name() + (reason.isEmpty() ? "" : " (" + reason + ")");
  }

  /** The three axes: {@code push / phased / automatic}; {@code -} for one the server left unset. */
  public static String axes(Campaign campaign) {
    return Choices.word(campaign.getDelivery()) + " / " + Choices.word(campaign.getRollout()) + " / "
        + Choices.word(campaign.getExecution());
  }

  /** {@code install}, {@code uninstall}, with {@code (downgrade allowed)} when the campaign allows one. */
  public static String action(Campaign campaign) {
    String action = campaign.getAction() == DeploymentAction.UNINSTALL ? "uninstall" : "install";
    return campaign.getAllowDowngrade() ? action + " (downgrade allowed)" : action;
  }

  /** One row per campaign, or a hint when there is none. */
  public static String render(ListCampaignsResponse response) {
    if (response.getCampaignsCount() == 0) {
      return "No campaigns yet. Create one with: convoy campaign create N@V --targets group:G\n";
    }
    Table table = new Table("CAMPAIGN", "STATE", "RELEASE", "TARGETS", "CREATED", "TITLE");
    for (Campaign campaign : response.getCampaignsList()) {
      table.row(campaign.getCampaignId(), campaign.getState().name(), release(campaign.getRelease()),
          TargetsParser.format(campaign.getTargets()), Times.iso(campaign.getCreatedAt()), campaign.getTitle());
    }
    return table.render();
  }

  /** {@code campaign_id,state,release,targets,created_at,title}, one record per campaign. */
  public static String csv(ListCampaignsResponse response) {
    Csv csv = new Csv("campaign_id", "state", "release", "targets", "created_at", "title");
    for (Campaign campaign : response.getCampaignsList()) {
      csv.row(campaign.getCampaignId(), campaign.getState().name(), release(campaign.getRelease()),
          TargetsParser.format(campaign.getTargets()), Times.exact(campaign.getCreatedAt()), campaign.getTitle());
    }
    return csv.render();
  }
}
