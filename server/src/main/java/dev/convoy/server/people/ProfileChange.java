package dev.convoy.server.people;

import java.util.Set;

/**
 * What to change about a person; a null field stays as it is.
 *
 * @param roles the new roles; null keeps them
 * @param scopes the new scope groups (empty = every endpoint); null keeps them
 * @param email the new e-mail address ("" removes it); null keeps it
 */
public record ProfileChange(Set<Role> roles, Set<String> scopes, String email) {
  public ProfileChange {
    roles = roles == null ? null : Set.copyOf(roles);
    scopes = scopes == null ? null : Set.copyOf(scopes);
  }

  /** Whether this changes nothing. */
  public boolean empty() {
    return roles == null && scopes == null && email == null;
  }

  Person applyTo(Person person) {
    return person.with(roles == null ? person.roles() : roles, scopes == null ? person.scopes() : scopes,
        email == null ? person.email() : email);
  }
}
