package dev.convoy.cli.campaign;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.CommandFailedException;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputFormat;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code convoy campaign status ID [--watch]}: state and reason, axes, current wave, next window, pending notices,
 * counts per state, progress, one row per wave and one per endpoint. With {@code --watch} it follows the campaign
 * until it is over and exits 0 only if every endpoint succeeded. With {@code --endpoint E} it shows that endpoint's
 * deployment: history, notice receipt, deferral, next attempt, timeout and its full log excerpt.
 */
@Command(name = "status", description = {"Shows a campaign's progress, wave by wave and endpoint by endpoint.",
    "The campaign: state and reason, axes, current wave, next window, notices not delivered yet.",
    "The waves: numbered from 1; OK%% of the wave's size, FAIL%% of its finished deployments, soak end, gate.",
    "With --endpoint E: that deployment's states with times, notice receipt, deferral, next attempt, timeout and"
        + " full log.",
    "With --watch: follows it until it is over (redraws on a terminal, else one line per change); exit code 0"
        + " only if every endpoint succeeded."})
public final class CampaignStatusCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The campaign id.")
  private String campaignId;

  @Option(names = {"-w", "--watch"}, description = "Follow live updates until the campaign is over.")
  private boolean watch;

  @Option(names = {"-e", "--endpoint"}, paramLabel = "E",
      description = "Show only this endpoint's deployment: its history, notice, deferral, retries and full log.")
  private String endpoint;

  @Mixin
  private OutputOption output;

  @Spec
  private CommandSpec spec;

  CampaignStatusCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    if (watch && endpoint != null) {
      throw new UsageException("--watch and --endpoint together (expected: one of them; watch the campaign, then"
          + " look at one endpoint)");
    }
    if (endpoint != null) {
      return endpoint();
    }
    if (watch) {
      if (output.format() == OutputFormat.CSV) {
        throw OutputOption.unsupported(spec.qualifiedName() + " --watch");
      }
      WatchDisplay display = WatchDisplay.choose(context.out(), output.json(), context.environment().terminal());
      CampaignWatch.Outcome outcome = new CampaignWatch(context.admin(), display).watch(campaignId, Optional.empty());
      if (!outcome.terminal()) {
        context.err().println("The watch ended before the campaign was over (state "
            + outcome.last().getCampaign().getState() + ").");
      }
      return outcome.allSucceeded() ? ExitCodes.OK : ExitCodes.FAILED;
    }
    CampaignStatus status = context.admin().getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId(campaignId).build());
    context.out().print(switch (output.format()) {
      case JSON -> Json.pretty(status) + "\n";
      case CSV -> CampaignStatusView.csv(status);
      case TABLE -> CampaignStatusView.render(status);
    });
    return ExitCodes.OK;
  }

  private int endpoint() {
    OutputFormat format = output.format();
    CampaignStatus status = context.admin().getCampaignStatus(GetCampaignStatusRequest.newBuilder()
        .setCampaignId(campaignId).setEndpointId(endpoint).build());
    DeploymentStatus deployment = status.getDeploymentsList().stream()
        .filter(d -> d.getEndpointId().equals(endpoint)).findFirst()
        .orElseThrow(() -> new CommandFailedException("campaign " + campaignId + " has no deployment for endpoint "
            + endpoint + " (expected: an endpoint the campaign targets; see convoy campaign status " + campaignId
            + ")"));
    context.out().print(switch (format) {
      case JSON -> Json.pretty(status) + "\n";
      case CSV -> DeploymentView.csv(deployment);
      case TABLE -> DeploymentView.render(status, deployment) + dev.convoy.cli.kb.FailureArticles.find(
          context.admin(), status.getCampaign().getRelease(), deployment)
          .map(dev.convoy.cli.kb.KbView::forFailure).orElse("");
    });
    return ExitCodes.OK;
  }
}
