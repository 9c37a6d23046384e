package dev.convoy.cli.inventory;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.RefreshInventoryRequest;
import dev.convoy.protocol.v1.RefreshInventoryResponse;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy inventory refresh (ENDPOINT ... | --all)}: asks online endpoints for a full inventory report now.
 * Offline ones send one when they reconnect.
 */
@Command(name = "refresh", description = {"Asks endpoints for a full inventory report now.",
    "Offline endpoints report when they reconnect."})
public final class InventoryRefreshCommand extends CliCommand {
  @Parameters(arity = "0..*", paramLabel = "ENDPOINT", description = "The endpoint ids.")
  private List<String> endpointIds = new ArrayList<>();

  @Option(names = "--all", description = "Every online endpoint.")
  private boolean all;

  @Mixin
  private OutputOption output;

  InventoryRefreshCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    if (endpointIds.isEmpty() && !all) {
      throw new UsageException("no endpoints (expected: one or more ENDPOINT ids, or --all)");
    }
    if (!endpointIds.isEmpty() && all) {
      throw new UsageException("--all with ENDPOINT ids " + endpointIds + " (expected: either ids or --all)");
    }
    RefreshInventoryResponse response = context.admin().refreshInventory(
        RefreshInventoryRequest.newBuilder().addAllEndpointIds(endpointIds).setAll(all).build());
    context.out().print(switch (output.format()) {
      case JSON -> Json.pretty(response) + "\n";
      case CSV -> new Csv("requested", "offline")
          .row(String.valueOf(response.getRequested()), String.valueOf(response.getOffline())).render();
      case TABLE -> render(response);
    });
    return ExitCodes.OK;
  }

  static String render(RefreshInventoryResponse response) {
    int asked = response.getRequested();
    String text = "Asked " + asked + (asked == 1 ? " endpoint" : " endpoints") + " for a full inventory report.\n";
    int offline = response.getOffline();
    if (offline > 0) {
      text += offline == 1 ? "1 named endpoint is offline: it reports when it reconnects.\n"
          : offline + " named endpoints are offline: they report when they reconnect.\n";
    }
    return text;
  }
}
