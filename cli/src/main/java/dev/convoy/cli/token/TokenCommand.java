package dev.convoy.cli.token;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy token}: enrollment tokens. */
@Command(name = "token", description = "Enrollment tokens for new agents.",
    subcommands = {TokenCreateCommand.class}, synopsisSubcommandLabel = "COMMAND")
public final class TokenCommand {
  @Mixin
  private HelpOption help;
}
