package dev.convoy.server.group;

import java.time.Instant;
import java.util.Objects;

/**
 * A group of endpoints. Static groups are the enrollment groups (an endpoint's group is fixed by the token it
 * enrolled with); a dynamic group is defined by an inventory query and its membership follows the inventory.
 *
 * @param query the query text of a dynamic group, as given; empty for a static group
 * @param createdBy subject of the person who created a dynamic group; empty for a static group
 * @param createdAt when a dynamic group was created; null for a static group
 */
public record Group(String name, boolean dynamic, String query, String description, String createdBy,
    Instant createdAt) {
  public Group {
    Objects.requireNonNull(name, "name");
    query = Objects.requireNonNullElse(query, "");
    description = Objects.requireNonNullElse(description, "");
    createdBy = Objects.requireNonNullElse(createdBy, "");
  }

  /** The static group {@code name}. */
  public static Group enrollmentGroup(String name) {
    return new Group(name, false, "", "", "", null);
  }
}
