package dev.convoy.server.people;

import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.enrollment.IssuedCertificate;
import dev.convoy.server.error.ConvoyException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues person identities and changes their roles, scopes and e-mail address (README "Roles"). Validates what it
 * is given (name, roles, scopes are existing groups, e-mail syntax) and the {@link IdentityRules}, signs the
 * certificate through the {@link PersonCertificateIssuer} port, then records the person bound to the certificate's
 * serial with its audit entry in one synced batch.
 *
 * <p>Thread-safe: every change holds the {@link PersonService}'s monitor, so checks and write see the same persons.
 */
public final class IdentityService {
  private static final Logger logger = LoggerFactory.getLogger(IdentityService.class);

  private final PersonService people;
  private final PersonCertificateIssuer issuer;
  private final Predicate<String> groupExists;

  /** @param groupExists whether a static or dynamic group of that name exists (scopes must name one) */
  public IdentityService(PersonService people, PersonCertificateIssuer issuer, Predicate<String> groupExists) {
    this.people = people;
    this.issuer = issuer;
    this.groupExists = groupExists;
  }

  /**
   * Issues a certificate for {@code name} from {@code csrDer}. A new name registers the person ({@code roles}
   * required); an existing, unrevoked person gets one more certificate and keeps what {@code change} leaves null.
   *
   * @throws ConvoyException INVALID_ARGUMENT naming the field (name, csr_der, roles, scopes, email);
   *     FAILED_PRECONDITION for a revoked person or a change the {@link IdentityRules} refuse; PERMISSION_DENIED for
   *     a person outside the actor's scope
   */
  public IssuedIdentity issue(String name, byte[] csrDer, ProfileChange change, Actor actor) {
    PersonService.requireName(name);
    validate(change);
    synchronized (people) {
      Optional<Person> existing = people.find(name);
      if (existing.isEmpty()) {
        return register(name, csrDer, change, actor);
      }
      Person before = existing.get();
      IdentityRules.requireWithinScope(actor, before);
      requireUnrevoked(before);
      Person after = checkedChange(before, change, actor);
      IssuedCertificate certificate = issuer.issue(name, csrDer);
      Person person = after.withCertificate(certificate.serialHex());
      Map<String, String> details = PersonService.profile(person);
      details.put("certificate_serial", certificate.serialHex());
      people.write(person, new AuditEvent(actor.subject(), "person.reissue", name, details));
      logger.info("person certificate issued name={} serial={} certificates={} by={}", name,
          certificate.serialHex(), person.certificateSerials().size(), actor.subject());
      return new IssuedIdentity(person, certificate, true);
    }
  }

  /**
   * Changes what {@code change} sets about {@code name}.
   *
   * @throws ConvoyException INVALID_ARGUMENT naming the field, or when the change is empty; NOT_FOUND for an unknown
   *     person; FAILED_PRECONDITION for a revoked person or a change the {@link IdentityRules} refuse;
   *     PERMISSION_DENIED for a person outside the actor's scope
   */
  public Person set(String name, ProfileChange change, Actor actor) {
    PersonService.requireName(name);
    synchronized (people) {
      Person before = people.find(name)
          .orElseThrow(() -> ConvoyException.notFound("name: " + name + " is not a known person"));
      IdentityRules.requireWithinScope(actor, before);
      if (change.empty()) {
        throw ConvoyException.invalidArgument("roles, scopes, email: none given (expected: at least one to change)");
      }
      validate(change);
      requireUnrevoked(before);
      Person after = checkedChange(before, change, actor);
      Map<String, String> details = PersonService.profile(after);
      Map<String, String> was = PersonService.profile(before);
      was.forEach((key, value) -> details.put("previous_" + key, value));
      people.write(after, new AuditEvent(actor.subject(), "person.set", name, details));
      logger.info("person changed name={} roles={} scopes={} by={}", name, after.roles(), after.scopes(),
          actor.subject());
      return after;
    }
  }

  private IssuedIdentity register(String name, byte[] csrDer, ProfileChange change, Actor actor) {
    if (change.roles() == null || change.roles().isEmpty()) {
      throw ConvoyException.invalidArgument("roles: none (expected: at least one of " + Role.labels()
          + " for a new person)");
    }
    Person candidate = new Person(name, issuer.subject(name), change.roles(),
        change.scopes() == null ? Set.of() : change.scopes(), change.email() == null ? "" : change.email(),
        people.clock().instant(), Set.of(), null);
    IdentityRules.requireWithinScope(actor, candidate);
    IssuedCertificate certificate = issuer.issue(name, csrDer);
    Person person = people.register(candidate.withCertificate(certificate.serialHex()), actor.subject());
    return new IssuedIdentity(person, certificate, false);
  }

  private Person checkedChange(Person before, ProfileChange change, Actor actor) {
    IdentityRules.requireWithinScope(actor, before);
    Person after = change.applyTo(before);
    IdentityRules.requireWithinScope(actor, after);
    IdentityRules.requireNoSelfDemotion(actor, before, after);
    IdentityRules.requireAnAdminRemains(before, after, people.list());
    return after;
  }

  private static Person requireUnrevoked(Person person) {
    if (person.revoked()) {
      throw ConvoyException.failedPrecondition("name: " + person.name() + " was revoked at " + person.revokedAt()
          + " (expected: an unrevoked person; revocation is final, issue an identity under a new name)");
    }
    return person;
  }

  private void validate(ProfileChange change) {
    if (change.roles() != null && change.roles().isEmpty()) {
      throw ConvoyException.invalidArgument("roles: none (expected: at least one of " + Role.labels() + ")");
    }
    if (change.scopes() != null) {
      for (String group : change.scopes()) {
        if (!dev.convoy.server.endpoint.EndpointNames.GROUP.matcher(group).matches() || !groupExists.test(group)) {
          throw ConvoyException.invalidArgument("scopes: " + group + " (expected: the name of an existing static "
              + "or dynamic group)");
        }
      }
    }
    String email = change.email();
    if (email != null && !email.isEmpty()
        && (email.length() > Person.MAX_EMAIL || !Person.EMAIL.matcher(email).matches())) {
      throw ConvoyException.invalidArgument("email: '" + dev.convoy.server.common.Require.shown(email)
          + "' (expected: an address such as name@example.org, at most " + Person.MAX_EMAIL + " characters)");
    }
  }
}
