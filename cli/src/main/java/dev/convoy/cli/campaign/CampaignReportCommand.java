package dev.convoy.cli.campaign;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.CampaignReport;
import dev.convoy.protocol.v1.GetCampaignReportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code convoy campaign report ID}: the summary of a campaign, finished or not. */
@Command(name = "report", description = {"Summarises a campaign: totals, waves, failures and what is unfinished.",
    "Also notices delivered, deferred, retried, timed out, first install and last finish.",
    "CSV: one record per failed or unfinished deployment."})
public final class CampaignReportCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The campaign id.")
  private String campaignId;

  @Mixin
  private OutputOption output;

  CampaignReportCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    var format = output.format();
    CampaignReport report = context.admin().getCampaignReport(
        GetCampaignReportRequest.newBuilder().setCampaignId(campaignId).build());
    context.out().print(switch (format) {
      case JSON -> Json.pretty(report) + "\n";
      case CSV -> CampaignReportView.csv(report);
      case TABLE -> CampaignReportView.render(report);
    });
    return ExitCodes.OK;
  }
}
