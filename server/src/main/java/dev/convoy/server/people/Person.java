package dev.convoy.server.people;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person known to the server: the {@code CN} of their certificate ({@code CN=<name>,OU=person,O=Convoy}), their
 * roles, the serials (hex) of the certificates issued to them, and whether they were revoked.
 *
 * @param certificateSerials the certificates this person may present; empty only for persons registered before
 *     serials were recorded (then any certificate with the right subject is accepted, as it was then)
 * @param revokedAt when the person was revoked; null while not revoked
 */
public record Person(String name, String subject, Set<Role> roles, Instant createdAt, Set<String> certificateSerials,
    Instant revokedAt) {
  /** Person names: lowercase letters, digits, {@code . _ -}; up to 64 characters. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public Person {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(createdAt, "createdAt");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    certificateSerials = Set.copyOf(certificateSerials);
  }

  /** A person bound to one certificate, not revoked. */
  public Person(String name, String subject, Set<Role> roles, Instant createdAt, String certificateSerial) {
    this(name, subject, roles, createdAt, Set.of(certificateSerial), null);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** Whether a certificate with {@code serial} (hex) may speak for this person (revocation aside). */
  public boolean acceptsCertificate(String serial) {
    return certificateSerials.isEmpty() || certificateSerials.contains(serial);
  }

  public Person revoke(Instant at) {
    return new Person(name, subject, roles, createdAt, certificateSerials, at);
  }
}
