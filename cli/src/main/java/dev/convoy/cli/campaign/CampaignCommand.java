package dev.convoy.cli.campaign;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code convoy campaign}: deploying a release to a set of endpoints, following it (status, report) and steering it
 * (pause, resume, advance, abort, cancel, rollback).
 */
@Command(name = "campaign", description = "Campaigns: deploy a release to endpoints, follow and steer it.",
    subcommands = {CampaignCreateCommand.class, CampaignStartCommand.class, CampaignListCommand.class,
        CampaignStatusCommand.class, CampaignReportCommand.class, CampaignControlCommands.Pause.class,
        CampaignControlCommands.Resume.class, CampaignControlCommands.Advance.class,
        CampaignControlCommands.Abort.class, CampaignControlCommands.Cancel.class, CampaignRollbackCommand.class,
        CampaignOverrideNoticeCommand.class},
    synopsisSubcommandLabel = "COMMAND")
public final class CampaignCommand {
  @Mixin
  private HelpOption help;
}
