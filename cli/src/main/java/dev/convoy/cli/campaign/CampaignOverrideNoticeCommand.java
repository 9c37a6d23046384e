package dev.convoy.cli.campaign;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.governance.GovernanceViews;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.OverrideNoticeRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convoy campaign override-notice ID --justification TEXT}: the Accountable shortens the notice lead. */
@Command(name = "override-notice", description = {"Lets installs proceed before the notice lead time, as the"
    + " campaign's Accountable.", "Also lets a campaign whose lead is below the server's minimum start. Audited."})
public final class CampaignOverrideNoticeCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The campaign id.")
  private String campaignId;

  @Option(names = "--justification", required = true, paramLabel = "TEXT", description = "Why users get less notice.")
  private String justification;

  @Mixin
  private OutputOption output;

  CampaignOverrideNoticeCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    var governance = context.admin().overrideNotice(OverrideNoticeRequest.newBuilder().setCampaignId(campaignId)
        .setJustification(justification).build());
    context.out().print(json ? Json.pretty(governance) + "\n" : GovernanceViews.governance(governance));
    return ExitCodes.OK;
  }
}
