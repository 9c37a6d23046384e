package dev.convoy.server.people;

import java.util.Objects;

/**
 * Who changes a person: for the lock-out and scope rules of {@link IdentityService}, and the audit log.
 *
 * @param name the acting person's name; empty for the server itself (the offline {@code convoy-server identity})
 * @param subject what the audit log records as the actor
 * @param scope the acting person's scope; unlimited for the server itself
 */
public record Actor(String name, String subject, Scope scope) {
  public Actor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(scope, "scope");
  }

  /** The server acting on its own data directory while it is stopped. */
  public static Actor server(String what) {
    return new Actor("", what, Scope.UNLIMITED);
  }
}
