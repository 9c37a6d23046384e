package dev.convoy.cli.kb;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy kb}: the technicians' knowledge base, across every release's signed KB articles. */
@Command(name = "kb", description = "The knowledge base: the KB articles every release carries, newest first.",
    subcommands = {KbSearchCommand.class, KbShowCommand.class}, synopsisSubcommandLabel = "COMMAND")
public final class KbCommand {
  @Mixin
  private HelpOption help;
}
