package dev.convoy.server.people;

import java.util.Set;
import java.util.TreeSet;

/**
 * The groups a person's roles are limited to (README "Roles"). An empty set is no limit: every endpoint. An endpoint
 * is in a scope when it belongs (statically, by enrollment, or dynamically, by inventory query) to one of its
 * groups; membership itself is resolved at the gRPC edge ({@code dev.convoy.server.grpc.ScopeCheck}), which is the
 * one place that applies scopes to what a call names. Immutable.
 *
 * @param groups group names, kept sorted
 */
public record Scope(Set<String> groups) {
  public static final Scope UNLIMITED = new Scope(Set.of());

  public Scope {
    groups = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(groups));
  }

  /** Whether this scope is no limit at all. */
  public boolean unlimited() {
    return groups.isEmpty();
  }

  /** Whether a call naming group {@code group} stays inside this scope. */
  public boolean includesGroup(String group) {
    return unlimited() || groups.contains(group);
  }

  /**
   * Whether everything {@code other} reaches is inside this scope: an unlimited scope covers everything, a limited
   * one covers only limited scopes made of its own groups. Used so that a scoped person can hand out or change only
   * identities that stay within their own groups.
   */
  public boolean covers(Scope other) {
    return unlimited() || (!other.unlimited() && groups.containsAll(other.groups));
  }

  /** As shown in messages: {@code every endpoint} or {@code groups lab, office}. */
  @Override
  public String toString() {
    return unlimited() ? "every endpoint (no scope)" : "groups " + String.join(", ", groups);
  }
}
