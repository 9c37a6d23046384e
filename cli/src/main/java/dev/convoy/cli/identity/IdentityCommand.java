package dev.convoy.cli.identity;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy identity}: the persons the server knows. */
@Command(name = "identity", description = "Persons known to the server and their certificates.",
    subcommands = {IdentityIssueCommand.class, IdentityListCommand.class, IdentitySetCommand.class,
        IdentityRevokeCommand.class}, synopsisSubcommandLabel = "COMMAND")
public final class IdentityCommand {
  @Mixin
  private HelpOption help;
}
