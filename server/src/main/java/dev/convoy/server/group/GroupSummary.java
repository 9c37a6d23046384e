package dev.convoy.server.group;

import java.util.Objects;

/** A group and how many enrolled, non-revoked endpoints are in it now. */
public record GroupSummary(Group group, int memberCount) {
  public GroupSummary {
    Objects.requireNonNull(group, "group");
  }
}
