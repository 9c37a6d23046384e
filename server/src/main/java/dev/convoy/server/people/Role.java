package dev.convoy.server.people;

import java.util.Locale;
import java.util.Optional;

/** What a person may do. Roles live on the server, never in certificates. */
public enum Role {
  /** Everything, in this version: catalogue, campaigns, tokens, endpoints. */
  ADMIN;

  /** The name as shown and stored, e.g. {@code admin}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromLabel(String label) {
    for (Role role : values()) {
      if (role.label().equals(label)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
