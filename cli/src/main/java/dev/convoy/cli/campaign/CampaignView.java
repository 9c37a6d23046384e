package dev.convoy.cli.campaign;

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

  /** The campaign as aligned {@code key value} lines. */
  public static String render(Campaign campaign) {
    Table table = new Table("campaign", campaign.getCampaignId())
        .row("title", campaign.getTitle())
        .row("release", release(campaign.getRelease()))
        .row("targets", TargetsParser.format(campaign.getTargets()))
        .row("state", campaign.getState().name())
        .row("action", action(campaign))
        .row("mode", campaign.getDelivery() + " / " + campaign.getRollout() + " / " + campaign.getExecution())
        .row("created", Times.iso(campaign.getCreatedAt()) + " by " + campaign.getCreatedBy());
    if (Times.instant(campaign.getStartedAt()) != null) {
      table.row("started", Times.iso(campaign.getStartedAt()));
    }
    if (Times.instant(campaign.getFinishedAt()) != null) {
      table.row("finished", Times.iso(campaign.getFinishedAt()));
    }
    return table.render();
  }

  /** {@code install}, {@code uninstall}, with {@code (downgrade allowed)} when the campaign allows one. */
  public static String action(Campaign campaign) {
    String action = campaign.getAction() == DeploymentAction.UNINSTALL ? "uninstall" : "install";
    return campaign.getAllowDowngrade() ? action + " (downgrade allowed)" : action;
  }

  /** One row per campaign, or a hint when there is none. */
  public static String render(ListCampaignsResponse response) {
    if (response.getCampaignsCount() == 0) {
      return "No campaigns yet. Create one with: convoy campaign create --release N@V --targets group:G\n";
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
