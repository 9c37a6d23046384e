package dev.convoy.server.people;

import dev.convoy.server.error.ConvoyException;
import java.util.List;

/**
 * The rules every change to a person obeys, whoever makes it: a scoped actor stays inside their groups, nobody
 * takes away their own admin role, and one unrevoked admin without scope always remains (else nobody could manage
 * every identity any more). Stateless.
 */
final class IdentityRules {
  private IdentityRules() {}

  /** @throws ConvoyException PERMISSION_DENIED if {@code person} reaches beyond {@code actor}'s scope */
  static void requireWithinScope(Actor actor, Person person) {
    if (!actor.scope().covers(person.scope())) {
      throw ConvoyException.permissionDenied("person " + person.name() + " (scope: " + person.scope()
          + ") is outside the caller's scope (" + actor.scope() + "); a scoped person manages only persons "
          + "limited to their own groups");
    }
  }

  /** @throws ConvoyException FAILED_PRECONDITION if {@code actor} would remove their own admin role */
  static void requireNoSelfDemotion(Actor actor, Person before, Person after) {
    if (actor.name().equals(before.name()) && before.hasRole(Role.ADMIN) && !after.hasRole(Role.ADMIN)) {
      throw ConvoyException.failedPrecondition("roles: " + labels(after) + " for " + before.name()
          + " (expected: admin kept; you cannot remove your own admin role, ask another admin)");
    }
  }

  /**
   * @param after the person after the change; null when the change revokes them
   * @throws ConvoyException FAILED_PRECONDITION if {@code before} is the last unrevoked admin without scope and
   *     would no longer be one
   */
  static void requireAnAdminRemains(Person before, Person after, List<Person> everyone) {
    if (!fullAdmin(before) || (after != null && fullAdmin(after))) {
      return;
    }
    boolean another = everyone.stream().anyMatch(p -> !p.name().equals(before.name()) && fullAdmin(p));
    if (!another) {
      throw ConvoyException.failedPrecondition("person " + before.name() + " is the last unrevoked admin without "
          + "scope (expected: another unscoped admin first; otherwise nobody could manage every identity)");
    }
  }

  private static boolean fullAdmin(Person person) {
    return !person.revoked() && person.hasRole(Role.ADMIN) && person.scope().unlimited();
  }

  static String labels(Person person) {
    return person.roles().stream().map(Role::label).sorted().toList().toString();
  }
}
