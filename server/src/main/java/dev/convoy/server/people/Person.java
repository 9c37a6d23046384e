package dev.convoy.server.people;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person known to the server: the {@code CN} of their certificate ({@code CN=<name>,OU=person,O=Convoy}) and
 * their roles.
 */
public record Person(String name, String subject, Set<Role> roles, Instant createdAt) {
  /** Person names: lowercase letters, digits, {@code . _ -}; up to 64 characters. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public Person {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(createdAt, "createdAt");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
