package dev.convoy.cli.agent;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy agent}: enrolled endpoints and their agents. */
@Command(name = "agent", description = "Enrolled endpoints and their agents.",
    subcommands = {AgentListCommand.class, AgentRevokeCommand.class}, synopsisSubcommandLabel = "COMMAND")
public final class AgentCommand {
  @Mixin
  private HelpOption help;
}
