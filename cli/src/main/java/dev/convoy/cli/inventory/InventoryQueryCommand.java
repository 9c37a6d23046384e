package dev.convoy.cli.inventory;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.QueryInventoryRequest;
import dev.convoy.protocol.v1.QueryInventoryResponse;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy inventory query EXPR [--field PATH ...] [--limit N]}: the endpoints whose inventory matches a
 * query. A query the server cannot parse comes back as INVALID_ARGUMENT with the column and a caret diagram,
 * printed as the server wrote it (exit 1).
 */
@Command(name = "query", description = {"Lists the endpoints whose inventory matches a query.",
    "The language is described in docs/inventory.md; a syntax error shows the column."},
    footer = {"%nExample:", "  convoy inventory query 'os.family = \"debian\" and hardware.memory_gb < 8' \\",
        "      --field os.name --field hardware.memory_bytes"})
public final class InventoryQueryCommand extends CliCommand {
  @Parameters(arity = "1..*", paramLabel = "EXPR",
      description = "The inventory query (quote it as one argument).")
  private List<String> expression = new ArrayList<>();

  @Option(names = "--field", paramLabel = "PATH",
      description = "A fact to show for each endpoint, e.g. os.name or software[\"vim\"].version; may be repeated.")
  private List<String> fields = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", description = "Return at most N endpoints (default: the server's, 1000).")
  private Integer limit;

  @Mixin
  private OutputOption output;

  InventoryQueryCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    QueryInventoryRequest request = QueryInventoryRequest.newBuilder()
        .setQuery(InventoryArguments.query("EXPR", expression))
        .addAllFields(fields).setLimit(InventoryArguments.limit(limit)).build();
    QueryInventoryResponse response = context.admin().queryInventory(request);
    switch (output.format()) {
      case JSON -> context.out().println(Json.pretty(response));
      case CSV -> {
        context.out().print(QueryView.csv(response, fields));
        if (response.getTruncated()) { // the CSV alone would not show that rows are missing
          context.err().println(QueryView.summary(response) + ": raise --limit to get them all");
        }
      }
      case TABLE -> context.out().print(QueryView.render(response, fields));
    }
    return ExitCodes.OK;
  }
}
