package dev.convoy.cli.release;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy release}: signed releases, built and signed here, verified by the server and the agents. */
@Command(name = "release",
    description = "Signed releases: build and sign one, publish it, list the catalogue, read its documents and "
        + "training, readiness and waivers.",
    subcommands = {ReleaseBuildCommand.class, ReleasePublishCommand.class, ReleaseListCommand.class,
        ReleaseDocsCommand.class, ReleaseTrainingCommand.class, ReleaseReadinessCommand.class,
        ReleaseWaiveCommand.class},
    synopsisSubcommandLabel = "COMMAND")
public final class ReleaseCommand {
  @Mixin
  private HelpOption help;
}
