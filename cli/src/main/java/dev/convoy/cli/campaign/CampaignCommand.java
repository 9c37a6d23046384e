package dev.convoy.cli.campaign;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy campaign}: deploying a release to a set of endpoints. */
@Command(name = "campaign", description = "Campaigns: deploy a release to endpoints and follow it.",
    subcommands = {CampaignCreateCommand.class, CampaignStartCommand.class, CampaignListCommand.class,
        CampaignStatusCommand.class},
    synopsisSubcommandLabel = "COMMAND")
public final class CampaignCommand {
  @Mixin
  private HelpOption help;
}
