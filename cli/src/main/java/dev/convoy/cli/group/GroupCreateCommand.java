package dev.convoy.cli.group;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.inventory.InventoryArguments;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.CreateGroupRequest;
import dev.convoy.protocol.v1.Group;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy group create NAME --query EXPR [--description TEXT]}: a dynamic group, whose members are the
 * endpoints whose inventory matches the query, now and as inventories change.
 */
@Command(name = "create", description = {"Creates a dynamic group from an inventory query.",
    "Its members are the endpoints whose inventory matches the query, now and as inventories change."},
    footer = {"%nExample:", "  convoy group create old-office \\",
        "      --query 'software[\"libreoffice\"].version < \"7.6\"' \\",
        "      --description 'LibreOffice before 7.6'"})
public final class GroupCreateCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "NAME",
      description = "The group name: lower case letters, digits, '.', '_' and '-'; not a static group's.")
  private String name;

  @Option(names = "--query", required = true, paramLabel = "EXPR", description = "The inventory query.")
  private String query;

  @Option(names = "--description", paramLabel = "TEXT", description = "What the group is for.")
  private String description = "";

  @Mixin
  private OutputOption output;

  GroupCreateCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    if (name.isBlank()) {
      throw new UsageException("NAME: empty (expected: a group name such as old-office)");
    }
    CreateGroupRequest request = CreateGroupRequest.newBuilder().setName(name)
        .setQuery(InventoryArguments.query("--query", List.of(query))).setDescription(description).build();
    Group group = context.admin().createGroup(request);
    context.out().print(switch (output.format()) {
      case JSON -> Json.pretty(group) + "\n";
      case CSV -> GroupView.csv(List.of(group));
      case TABLE -> GroupView.render(group);
    });
    return ExitCodes.OK;
  }
}
