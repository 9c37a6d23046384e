package dev.convoy.cli.group;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.agent.EndpointTable;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.GetGroupRequest;
import dev.convoy.protocol.v1.GroupMembers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy group show NAME}: the group and its members. {@code --output csv} prints the members, one record
 * per endpoint, with the columns of {@code agent list --output csv}.
 */
@Command(name = "show", description = "Shows a group and its members.")
public final class GroupShowCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The group name.")
  private String name;

  @Mixin
  private OutputOption output;

  GroupShowCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    GroupMembers members = context.admin().getGroup(GetGroupRequest.newBuilder().setName(name).build());
    context.out().print(switch (output.format()) {
      case JSON -> Json.pretty(members) + "\n";
      case CSV -> EndpointTable.csv(members.getMembersList());
      case TABLE -> GroupView.render(members, context.clock().instant());
    });
    return ExitCodes.OK;
  }
}
