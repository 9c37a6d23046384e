package dev.convoy.cli.group;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.ListGroupsRequest;
import dev.convoy.protocol.v1.ListGroupsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy group list}: static and dynamic groups with their member counts. */
@Command(name = "list", description = "Lists groups, static and dynamic, with their member counts.")
public final class GroupListCommand extends CliCommand {
  @Mixin
  private OutputOption output;

  GroupListCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    ListGroupsResponse groups = context.admin().listGroups(ListGroupsRequest.getDefaultInstance());
    context.out().print(switch (output.format()) {
      case JSON -> Json.pretty(groups) + "\n";
      case CSV -> GroupView.csv(groups.getGroupsList());
      case TABLE -> GroupView.render(groups);
    });
    return ExitCodes.OK;
  }
}
