package dev.convoy.cli.governance;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy raci}: who is Responsible, Accountable, Consulted and Informed for a release or a campaign. */
@Command(name = "raci",
    description = {"RACI of a release or a campaign: set it, show it (with a campaign's approval state).",
        "A campaign inherits its release's RACI when created; the server enforces four-eyes: the Accountable is"
            + " never the campaign's creator."},
    subcommands = {RaciSetCommand.class, RaciShowCommand.class}, synopsisSubcommandLabel = "COMMAND")
public final class RaciCommand {
  @Mixin
  private HelpOption help;
}
