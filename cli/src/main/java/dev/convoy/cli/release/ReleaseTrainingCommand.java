package dev.convoy.cli.release;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.campaign.ReleaseRef;
import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.GetTrainingReportRequest;
import dev.convoy.protocol.v1.TrainingGroupCount;
import dev.convoy.protocol.v1.TrainingReport;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy release training N@V}: per group, how many endpoints an install campaign of the release targeted
 * (or whose users attested anyway), how many have a user who attested the training, and the percentage.
 */
@Command(name = "training", description = {"Shows who took a release's training, per group: endpoints targeted by",
    "its install campaigns, endpoints where a user attested (convoy-agent training done), percentage."})
public final class ReleaseTrainingCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "NAME@VERSION", converter = ReleaseRef.Converter.class,
      description = "The release.")
  private ReleaseRef release;

  @Mixin
  private OutputOption output;

  ReleaseTrainingCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    TrainingReport report = context.admin().getTrainingReport(GetTrainingReportRequest.newBuilder()
        .setName(release.name()).setVersion(release.version()).build());
    context.out().print(switch (output.format()) {
      case JSON -> Json.pretty(report) + "\n";
      case CSV -> csv(report);
      case TABLE -> DocumentsView.training(report);
    });
    return ExitCodes.OK;
  }

  private static String csv(TrainingReport report) {
    Csv csv = new Csv("group", "endpoints", "attested", "percent");
    for (TrainingGroupCount g : report.getGroupsList()) {
      csv.row(g.getGroup(), String.valueOf(g.getEndpoints()), String.valueOf(g.getAttested()),
          String.format(Locale.ROOT, "%.1f", g.getPercent()));
    }
    return csv.render();
  }
}
