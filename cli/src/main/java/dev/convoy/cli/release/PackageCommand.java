package dev.convoy.cli.release;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy package}: the release catalogue. */
@Command(name = "package", description = "Publishes releases to the catalogue.",
    subcommands = {PublishCommand.class}, synopsisSubcommandLabel = "COMMAND")
public final class PackageCommand {
  @Mixin
  private HelpOption help;
}
