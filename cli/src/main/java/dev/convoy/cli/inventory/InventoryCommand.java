package dev.convoy.cli.inventory;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy inventory}: what the agents report about their endpoints (docs/inventory.md). */
@Command(name = "inventory", description = "Endpoint inventory: query it, show it, follow its changes, refresh it.",
    subcommands = {InventoryQueryCommand.class, InventoryShowCommand.class, InventoryHistoryCommand.class,
        InventoryRefreshCommand.class},
    synopsisSubcommandLabel = "COMMAND")
public final class InventoryCommand {
  @Mixin
  private HelpOption help;
}
