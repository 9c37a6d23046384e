package dev.convoy.cli.campaign;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.StartCampaignRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code convoy campaign start ID}: starts a DRAFT campaign; endpoints pick it up on their next sync. */
@Command(name = "start", description = "Starts a campaign.")
public final class CampaignStartCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The campaign id.")
  private String campaignId;

  @Mixin
  private OutputOption output;

  CampaignStartCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    Campaign campaign = context.admin().startCampaign(
        StartCampaignRequest.newBuilder().setCampaignId(campaignId).build());
    if (json) {
      context.out().println(Json.pretty(campaign));
    } else {
      context.out().print(CampaignView.render(campaign));
      context.err().println("Follow it with: convoy campaign status " + campaign.getCampaignId() + " --watch");
    }
    return ExitCodes.OK;
  }
}
