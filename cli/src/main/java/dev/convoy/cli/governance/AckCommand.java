package dev.convoy.cli.governance;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.AcknowledgeCampaignRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convoy ack ID --comment TEXT}: a Consulted person acknowledges a campaign. */
@Command(name = "ack", description = {"Acknowledges a campaign's current content, as one of its Consulted persons.",
    "Bound to the content hash like an approval: an edit voids it."})
public final class AckCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The campaign id.")
  private String campaignId;

  @Option(names = "--comment", paramLabel = "TEXT", description = "Your remark (kept in the audit log).")
  private String comment = "";

  @Mixin
  private OutputOption output;

  AckCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    var governance = context.admin().acknowledgeCampaign(AcknowledgeCampaignRequest.newBuilder()
        .setCampaignId(campaignId).setComment(comment).build());
    context.out().print(json ? Json.pretty(governance) + "\n" : GovernanceViews.governance(governance));
    return ExitCodes.OK;
  }
}
