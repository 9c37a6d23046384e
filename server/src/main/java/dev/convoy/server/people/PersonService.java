package dev.convoy.server.people;

import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.common.Revocation;
import dev.convoy.server.error.ConvoyException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persons and their roles. Every change is recorded in the audit log in the same batch as the change.
 *
 * <p>Thread-safe: changes are serialised by this object's monitor.
 */
public final class PersonService {
  private static final Logger logger = LoggerFactory.getLogger(PersonService.class);

  private final PersonStore store;
  private final AuditLog audit;
  private final Clock clock;

  public PersonService(PersonStore store, AuditLog audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  public Optional<Person> find(String name) {
    return store.find(name);
  }

  /**
   * Durably records a new person.
   *
   * @param actor the certificate subject of who registers them ({@code server} for {@code convoy-server init})
   * @throws ConvoyException INVALID_ARGUMENT for a malformed name, ALREADY_EXISTS if the name is taken
   */
  public synchronized Person register(Person person, String actor) {
    requireName(person.name());
    if (store.find(person.name()).isPresent()) {
      throw ConvoyException.alreadyExists("person: " + person.name() + " exists already");
    }
    var changes = audit.newChangeSet();
    store.put(changes, person);
    audit.append(changes, new AuditEvent(actor, "person.register", person.name(), Map.of(
        "roles", person.roles().stream().map(Role::label).sorted().collect(Collectors.joining(",")),
        "certificate_serials", String.join(",", person.certificateSerials().stream().sorted().toList()))));
    logger.info("person registered name={} roles={}", person.name(), person.roles());
    return person;
  }

  /**
   * Revokes {@code name}: from now on no certificate of theirs is accepted. Idempotent: revoking again changes
   * nothing but is still recorded. Open streams are ended by the caller (the gRPC layer), not here.
   *
   * @param byName the name of the person revoking (a person cannot revoke themselves: that could lock out the
   *     last admin)
   * @throws ConvoyException INVALID_ARGUMENT for a malformed name, NOT_FOUND for an unknown person,
   *     FAILED_PRECONDITION for revoking oneself
   */
  public synchronized Revocation revoke(String name, String byName, String bySubject, String comment) {
    requireName(name);
    Person person = store.find(name)
        .orElseThrow(() -> ConvoyException.notFound("name: " + name + " is not a known person"));
    if (name.equals(byName)) {
      throw ConvoyException.failedPrecondition("name: " + name + " is the caller (expected: another person; "
          + "a person cannot revoke their own identity)");
    }
    var changes = audit.newChangeSet();
    Person revoked = person.revoked() ? person : person.revoke(clock.instant());
    store.put(changes, revoked);
    audit.append(changes, new AuditEvent(bySubject, "person.revoke", name,
        Revocation.auditDetails(comment, person.revoked())));
    logger.warn("person revoked name={} by={} already={}", name, byName, person.revoked());
    return new Revocation(name, person.revoked(), revoked.revokedAt());
  }

  private static void requireName(String name) {
    if (!Person.NAME.matcher(name).matches()) {
      throw ConvoyException.invalidArgument("name: '" + name + "' (expected: " + Person.NAME + ")");
    }
  }
}
