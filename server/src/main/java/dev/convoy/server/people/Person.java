package dev.convoy.server.people;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person known to the server: the {@code CN} of their certificate ({@code CN=<name>,OU=person,O=Convoy}), their
 * roles, the groups (sites) their roles are limited to, an e-mail address for notifications, the serials (hex) of
 * the certificates issued to them, and whether they were revoked.
 *
 * @param scopes the group names this person's roles apply to; empty = every endpoint (no scope)
 * @param email where notifications to this person go; empty when none is known
 * @param certificateSerials the certificates this person may present; empty only for persons registered before
 *     serials were recorded (then any certificate with the right subject is accepted, as it was then)
 * @param revokedAt when the person was revoked; null while not revoked
 */
public record Person(String name, String subject, Set<Role> roles, Set<String> scopes, String email,
    Instant createdAt, Set<String> certificateSerials, Instant revokedAt) {
  /** Person names: lowercase letters, digits, {@code . _ -}; up to 64 characters. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  /** E-mail addresses as far as the server checks them: one {@code @}, a dotted domain, no spaces. */
  public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
  public static final int MAX_EMAIL = 254;

  public Person {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(createdAt, "createdAt");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    scopes = Set.copyOf(scopes);
    email = email == null ? "" : email;
    certificateSerials = Set.copyOf(certificateSerials);
  }

  /** A person without scope or e-mail address (as registered before scopes existed). */
  public Person(String name, String subject, Set<Role> roles, Instant createdAt, Set<String> certificateSerials,
      Instant revokedAt) {
    this(name, subject, roles, Set.of(), "", createdAt, certificateSerials, revokedAt);
  }

  /** A person bound to one certificate, not revoked. */
  public Person(String name, String subject, Set<Role> roles, Instant createdAt, String certificateSerial) {
    this(name, subject, roles, createdAt, Set.of(certificateSerial), null);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /** Whether one of this person's roles grants {@code permission} (scope aside). */
  public boolean may(Permission permission) {
    return roles.stream().anyMatch(r -> r.grants(permission));
  }

  /** Whether this person's roles apply to every endpoint rather than to some groups. */
  public boolean unscoped() {
    return scopes.isEmpty();
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** Whether a certificate with {@code serial} (hex) may speak for this person (revocation aside). */
  public boolean acceptsCertificate(String serial) {
    return certificateSerials.isEmpty() || certificateSerials.contains(serial);
  }

  /** This person's scope as a value: the groups their roles are limited to. */
  public Scope scope() {
    return new Scope(scopes);
  }

  /** This person with one more certificate they may present. */
  public Person withCertificate(String serial) {
    Set<String> serials = new java.util.TreeSet<>(certificateSerials);
    serials.add(serial);
    return new Person(name, subject, roles, scopes, email, createdAt, serials, revokedAt);
  }

  /** This person with other roles, scopes and e-mail address. */
  public Person with(Set<Role> newRoles, Set<String> newScopes, String newEmail) {
    return new Person(name, subject, newRoles, newScopes, newEmail, createdAt, certificateSerials, revokedAt);
  }

  public Person revoke(Instant at) {
    return new Person(name, subject, roles, scopes, email, createdAt, certificateSerials, at);
  }
}
