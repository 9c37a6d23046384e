package dev.convoy.cli.inventory;

import com.google.protobuf.Timestamp;
import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.GetInventoryHistoryRequest;
import dev.convoy.protocol.v1.InventoryHistory;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convoy inventory history ENDPOINT [--since WHEN] [--limit N]}: what changed in an inventory, newest first. */
@Command(name = "history", description = "Lists the changes of an endpoint's inventory, newest first.")
public final class InventoryHistoryCommand extends CliCommand {
  /** The server's page size when no --limit is given (admin.proto). */
  static final int SERVER_DEFAULT_LIMIT = 500;

  @Parameters(index = "0", paramLabel = "ENDPOINT", description = "The endpoint id.")
  private String endpointId;

  @Option(names = "--since", paramLabel = "WHEN",
      description = "Only changes at or after WHEN: an ISO-8601 instant (2026-11-01T00:00:00Z), a date "
          + "(2026-11-01, UTC) or an age (7d, 12h, 30m, 2w).")
  private String since;

  @Option(names = "--limit", paramLabel = "N",
      description = "Return at most the N newest changes (default: the server's, " + SERVER_DEFAULT_LIMIT + ").")
  private Integer limit;

  @Mixin
  private OutputOption output;

  InventoryHistoryCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    GetInventoryHistoryRequest.Builder request = GetInventoryHistoryRequest.newBuilder().setEndpointId(endpointId)
        .setLimit(InventoryArguments.limit(limit));
    if (since != null) {
      Instant from = parseSince();
      request.setSince(Timestamp.newBuilder().setSeconds(from.getEpochSecond()).setNanos(from.getNano()));
    }
    InventoryHistory history = context.admin().getInventoryHistory(request.build());
    context.out().print(switch (output.format()) {
      case JSON -> Json.pretty(history) + "\n";
      case CSV -> HistoryView.csv(history);
      case TABLE -> HistoryView.render(history, limit == null ? SERVER_DEFAULT_LIMIT : limit);
    });
    return ExitCodes.OK;
  }

  private Instant parseSince() {
    try {
      return Since.parse(since, context.clock().instant());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--since: " + e.getMessage(), e);
    }
  }
}
