package dev.convoy.cli.governance;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.ApproveCampaignRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convoy approve ID --comment TEXT [--waive-consulted P,...]}: the Accountable approves a campaign. */
@Command(name = "approve", description = {"Approves a campaign's current content, as its Accountable (needs approve).",
    "The approval is bound to the campaign's content hash: an edit of targets, schedule, waves or notice voids it."})
public final class ApproveCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The campaign id.")
  private String campaignId;

  @Option(names = "--comment", paramLabel = "TEXT", description = "Why (kept with the approval and in the audit log).")
  private String comment = "";

  @Option(names = "--waive-consulted", split = ",", paramLabel = "P,...",
      description = "Consulted persons whose acknowledgement you do without (recorded as your waiver).")
  private List<String> waive = List.of();

  @Mixin
  private OutputOption output;

  ApproveCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    var governance = context.admin().approveCampaign(ApproveCampaignRequest.newBuilder().setCampaignId(campaignId)
        .setComment(comment).addAllWaiveConsulted(waive).build());
    context.out().print(json ? Json.pretty(governance) + "\n" : GovernanceViews.governance(governance));
    return ExitCodes.OK;
  }
}
