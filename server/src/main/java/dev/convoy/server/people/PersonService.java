package dev.convoy.server.people;

import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.common.Revocation;
import dev.convoy.server.error.ConvoyException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persons and their roles. Every change is recorded in the audit log in the same batch as the change.
 *
 * <p>Thread-safe: changes are serialised by this object's monitor ({@link IdentityService} takes the same monitor,
 * so that its lock-out checks and its write see one consistent set of persons).
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

  /** Every person, revoked ones too, by name. */
  public List<Person> list() {
    return store.list();
  }

  Clock clock() {
    return clock;
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
    Map<String, String> details = profile(person);
    details.put("certificate_serials", String.join(",", person.certificateSerials().stream().sorted().toList()));
    write(person, new AuditEvent(actor, "person.register", person.name(), details));
    logger.info("person registered name={} roles={} scopes={}", person.name(), person.roles(), person.scopes());
    return person;
  }

  /**
   * Revokes {@code name}: from now on no certificate of theirs is accepted. Idempotent: revoking again changes
   * nothing but is still recorded. Open streams are ended by the caller (the gRPC layer), not here.
   *
   * @param by who revokes: a person cannot revoke themselves (that could lock out the last admin), and a scoped
   *     person only persons within their own scope
   * @throws ConvoyException INVALID_ARGUMENT for a malformed name, NOT_FOUND for an unknown person,
   *     FAILED_PRECONDITION for revoking oneself or the last unscoped admin, PERMISSION_DENIED for a person outside
   *     the actor's scope
   */
  public synchronized Revocation revoke(String name, Actor by, String comment) {
    requireName(name);
    Person person = store.find(name)
        .orElseThrow(() -> ConvoyException.notFound("name: " + name + " is not a known person"));
    if (name.equals(by.name())) {
      throw ConvoyException.failedPrecondition("name: " + name + " is the caller (expected: another person; "
          + "a person cannot revoke their own identity)");
    }
    IdentityRules.requireWithinScope(by, person);
    if (!person.revoked()) {
      IdentityRules.requireAnAdminRemains(person, null, store.list());
    }
    Person revoked = person.revoked() ? person : person.revoke(clock.instant());
    write(revoked, new AuditEvent(by.subject(), "person.revoke", name,
        Revocation.auditDetails(comment, person.revoked())));
    logger.warn("person revoked name={} by={} already={}", name, by.name(), person.revoked());
    return new Revocation(name, person.revoked(), revoked.revokedAt());
  }

  /** {@link #revoke(String, Actor, String)} by an unscoped person. */
  public Revocation revoke(String name, String byName, String bySubject, String comment) {
    return revoke(name, new Actor(byName, bySubject, Scope.UNLIMITED), comment);
  }

  /** Stages {@code person} and its audit entry and commits them as one synced batch. Callers hold the monitor. */
  void write(Person person, AuditEvent event) {
    var changes = audit.newChangeSet();
    store.put(changes, person);
    audit.append(changes, event);
  }

  /** Roles, scopes and e-mail as audit details. */
  static Map<String, String> profile(Person person) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("roles", person.roles().stream().map(Role::label).sorted().collect(Collectors.joining(",")));
    details.put("scopes", person.scopes().isEmpty() ? "(none)" : String.join(",", person.scope().groups()));
    details.put("email", person.email());
    return details;
  }

  static void requireName(String name) {
    if (!Person.NAME.matcher(name).matches()) {
      throw ConvoyException.invalidArgument("name: '" + name + "' (expected: " + Person.NAME + ")");
    }
  }
}
