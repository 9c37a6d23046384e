package dev.convoy.cli.governance;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.GetCampaignGovernanceRequest;
import dev.convoy.protocol.v1.GetRaciRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code convoy raci show (release N@V | campaign ID)}: the RACI, and for a campaign where its approval stands. */
@Command(name = "show", description = {"Shows the RACI of a release or a campaign.",
    "For a campaign also: approval (by, at, content hash), acknowledgements, waivers, voids, what a start needs."})
public final class RaciShowCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "KIND", description = "release or campaign")
  private String kind;

  @Parameters(index = "1", paramLabel = "N@V|ID", description = "The release (name@version) or campaign id.")
  private String subject;

  @Mixin
  private OutputOption output;

  RaciShowCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    var raciSubject = RaciSubjects.parse(kind, subject);
    if (kind.equals("campaign")) {
      var governance = context.admin().getCampaignGovernance(GetCampaignGovernanceRequest.newBuilder()
          .setCampaignId(subject).build());
      context.out().print(json ? Json.pretty(governance) + "\n" : GovernanceViews.governance(governance));
    } else {
      var response = context.admin().getRaci(GetRaciRequest.newBuilder().setSubject(raciSubject).build());
      context.out().print(json ? Json.pretty(response) + "\n" : GovernanceViews.raci(kind + " " + subject,
          response));
    }
    return ExitCodes.OK;
  }
}
