package dev.convoy.cli.group;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy group}: static groups (from enrollment tokens) and dynamic ones (an inventory query). */
@Command(name = "group", description = {"Endpoint groups, static and dynamic.",
    "Static groups come from enrollment tokens, dynamic ones are defined by an inventory query; campaign targets "
        + "group:NAME accept both."},
    subcommands = {GroupCreateCommand.class, GroupListCommand.class, GroupShowCommand.class},
    synopsisSubcommandLabel = "COMMAND")
public final class GroupCommand {
  @Mixin
  private HelpOption help;
}
