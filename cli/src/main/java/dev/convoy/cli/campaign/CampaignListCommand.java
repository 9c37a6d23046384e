package dev.convoy.cli.campaign;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.ListCampaignsRequest;
import dev.convoy.protocol.v1.ListCampaignsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy campaign list}. */
@Command(name = "list", description = "Lists campaigns.")
public final class CampaignListCommand extends CliCommand {
  @Mixin
  private OutputOption output;

  CampaignListCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    ListCampaignsResponse campaigns = context.admin().listCampaigns(ListCampaignsRequest.getDefaultInstance());
    context.out().print(switch (output.format()) {
      case JSON -> Json.pretty(campaigns) + "\n";
      case CSV -> CampaignView.csv(campaigns);
      case TABLE -> CampaignView.render(campaigns);
    });
    return ExitCodes.OK;
  }
}
