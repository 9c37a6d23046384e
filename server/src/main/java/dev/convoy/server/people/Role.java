package dev.convoy.server.people;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a person may do. Roles live on the server, never in certificates; a person may hold several, and a person
 * scoped to groups (sites) uses them only on endpoints of those groups. The table below is the README's role table.
 */
public enum Role {
  /** Everything: identities, trust, enrollment, catalogue, campaigns, audit. */
  ADMIN(EnumSet.allOf(Permission.class)),
  /** Runs releases and campaigns: publishes, creates and controls campaigns, manages groups, reads the audit. */
  RELEASE_MANAGER(EnumSet.of(Permission.VIEW, Permission.VIEW_AUDIT, Permission.PUBLISH, Permission.MANAGE_GROUPS,
      Permission.RUN_CAMPAIGNS, Permission.REFRESH_INVENTORY)),
  /** Approves, acknowledges and waives (as the RACI of a release or campaign names them); reads everything. */
  APPROVER(EnumSet.of(Permission.VIEW, Permission.VIEW_AUDIT, Permission.APPROVE)),
  /** Runs assisted installs at the desk; reads campaigns, inventory and the knowledge base. */
  TECHNICIAN(EnumSet.of(Permission.VIEW, Permission.TECHNICIAN_WORK, Permission.REFRESH_INVENTORY)),
  /** Answers users: reads everything a user may ask about, refreshes inventories. */
  SERVICE_DESK(EnumSet.of(Permission.VIEW, Permission.REFRESH_INVENTORY)),
  /** Reads campaigns, releases, inventory and compliance; changes nothing. */
  OBSERVER(EnumSet.of(Permission.VIEW));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  /** The name as shown and stored, e.g. {@code admin}, {@code release-manager}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether this role grants {@code permission}. */
  public boolean grants(Permission permission) {
    return permissions.contains(permission);
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  public static Optional<Role> fromLabel(String label) {
    for (Role role : values()) {
      if (role.label().equals(label)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /** All labels, comma-separated, for error messages. */
  public static String labels() {
    StringBuilder text = new StringBuilder();
    for (Role role : values()) {
      text.append(text.isEmpty() ? "" : ", ").append(role.label());
    }
    return text.toString();
  }
}
