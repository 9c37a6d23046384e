package dev.convoy.server.technician;

import java.util.Set;

/**
 * The person calling a technician command, as authenticated.
 *
 * @param scopes the groups (sites) the person may serve; empty = every endpoint
 */
public record Technician(String name, String subject, Set<String> scopes) {
  public Technician {
    scopes = Set.copyOf(scopes);
  }
}
