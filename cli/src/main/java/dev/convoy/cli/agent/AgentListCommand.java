package dev.convoy.cli.agent;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.ListEndpointsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy agent list}: every enrolled endpoint, online or not, and when it was last seen. */
@Command(name = "list", description = "Lists enrolled endpoints: id, hostname, group, online, last seen, OS.")
public final class AgentListCommand extends CliCommand {
  @Mixin
  private OutputOption output;

  AgentListCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    ListEndpointsResponse endpoints = context.admin().listEndpoints(ListEndpointsRequest.getDefaultInstance());
    context.out().print(switch (output.format()) {
      case JSON -> Json.pretty(endpoints) + "\n";
      case CSV -> EndpointTable.csv(endpoints.getEndpointsList());
      case TABLE -> EndpointTable.render(endpoints, context.clock().instant());
    });
    return ExitCodes.OK;
  }
}
