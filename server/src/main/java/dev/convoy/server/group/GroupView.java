package dev.convoy.server.group;

import dev.convoy.server.endpoint.EndpointView;
import java.util.List;
import java.util.Objects;

/**
 * A group with its current members: enrolled, non-revoked endpoints, in id order.
 */
public record GroupView(Group group, List<EndpointView> members) {
  public GroupView {
    Objects.requireNonNull(group, "group");
    members = List.copyOf(members);
  }
}
