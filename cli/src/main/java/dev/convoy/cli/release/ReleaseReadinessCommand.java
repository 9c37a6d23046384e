package dev.convoy.cli.release;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.campaign.ReleaseRef;
import dev.convoy.cli.governance.GovernanceViews;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.GetReleaseReadinessRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code convoy release readiness N@V}: what the release lacks for production campaigns, and the waivers. */
@Command(name = "readiness", description = {"Says whether a release may go to production campaigns:",
    "production runbook, user documentation, a technician KB article, a training item — or their waivers."})
public final class ReleaseReadinessCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "N@V", converter = ReleaseRef.Converter.class,
      description = "The release, e.g. office@7.6.0.")
  private ReleaseRef release;

  @Mixin
  private OutputOption output;

  ReleaseReadinessCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    var readiness = context.admin().getReleaseReadiness(GetReleaseReadinessRequest.newBuilder()
        .setReleaseName(release.name()).setReleaseVersion(release.version()).build());
    context.out().print(json ? Json.pretty(readiness) + "\n" : GovernanceViews.readiness(readiness));
    return ExitCodes.OK;
  }
}
