package dev.convoy.cli.inventory;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.GetInventoryRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code convoy inventory show ENDPOINT}: every fact an endpoint reported, grouped for reading. */
@Command(name = "show", description = {"Shows an endpoint's inventory, grouped by section.",
    "--output csv prints path,type,value rows with raw values."})
public final class InventoryShowCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ENDPOINT", description = "The endpoint id (see: convoy agent list).")
  private String endpointId;

  @Mixin
  private OutputOption output;

  InventoryShowCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    EndpointInventory inventory = context.admin().getInventory(
        GetInventoryRequest.newBuilder().setEndpointId(endpointId).build());
    context.out().print(switch (output.format()) {
      case JSON -> Json.pretty(inventory) + "\n";
      case CSV -> InventoryView.csv(inventory);
      case TABLE -> InventoryView.render(inventory, context.clock().instant());
    });
    return ExitCodes.OK;
  }
}
