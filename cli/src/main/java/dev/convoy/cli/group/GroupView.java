package dev.convoy.cli.group;

import dev.convoy.cli.agent.EndpointTable;
import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.Group;
import dev.convoy.protocol.v1.GroupMembers;
import dev.convoy.protocol.v1.ListGroupsResponse;
import java.time.Instant;
import java.util.List;

/** Renderings of groups: one group as key/value lines, a list as rows, a group with its members. */
public final class GroupView {
  private GroupView() {}

  /** The group as aligned {@code key value} lines. */
  public static String render(Group group) {
    Table table = Table.withoutHeader(2)
        .row("group", group.getName())
        .row("kind", kind(group));
    if (group.getDynamic()) {
      table.row("query", group.getQuery());
    }
    if (!group.getDescription().isEmpty()) {
      table.row("description", group.getDescription());
    }
    table.row("members", String.valueOf(group.getMemberCount()));
    if (Times.instant(group.getCreatedAt()) != null || !group.getCreatedBy().isEmpty()) {
      table.row("created", Times.iso(group.getCreatedAt())
          + (group.getCreatedBy().isEmpty() ? "" : " by " + group.getCreatedBy()));
    }
    return table.render();
  }

  /** One row per group, or a hint when there is none. */
  public static String render(ListGroupsResponse response) {
    if (response.getGroupsCount() == 0) {
      return "No groups yet. Enrollment tokens make static ones (convoy token create --group G);\n"
          + "create a dynamic one with: convoy group create NAME --query EXPR\n";
    }
    Table table = new Table("GROUP", "KIND", "MEMBERS", "QUERY", "DESCRIPTION");
    for (Group group : response.getGroupsList()) {
      table.row(group.getName(), kind(group), String.valueOf(group.getMemberCount()), group.getQuery(),
          group.getDescription());
    }
    return table.render();
  }

  /** The group, then its members as {@code convoy agent list} shows endpoints. */
  public static String render(GroupMembers members, Instant now) {
    String header = render(members.getGroup()) + "\n";
    if (members.getMembersCount() == 0) {
      return header + "No members.\n";
    }
    return header + EndpointTable.render(members.getMembersList(), now);
  }

  /** {@code name,dynamic,member_count,query,description,created_by,created_at}, one record per group. */
  public static String csv(List<Group> groups) {
    Csv csv = new Csv("name", "dynamic", "member_count", "query", "description", "created_by", "created_at");
    for (Group group : groups) {
      csv.row(group.getName(), String.valueOf(group.getDynamic()), String.valueOf(group.getMemberCount()),
          group.getQuery(), group.getDescription(), group.getCreatedBy(), Times.exact(group.getCreatedAt()));
    }
    return csv.render();
  }

  private static String kind(Group group) {
    return group.getDynamic() ? "dynamic" : "static";
  }
}
