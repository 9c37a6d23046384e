package dev.convoy.server.grpc;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.IssueIdentityRequest;
import dev.convoy.protocol.v1.IssueIdentityResponse;
import dev.convoy.protocol.v1.ListIdentitiesResponse;
import dev.convoy.protocol.v1.PersonInfo;
import dev.convoy.protocol.v1.ScopeSet;
import dev.convoy.protocol.v1.SetIdentityRequest;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.people.Actor;
import dev.convoy.server.people.IdentityService;
import dev.convoy.server.people.IssuedIdentity;
import dev.convoy.server.people.Person;
import dev.convoy.server.people.PersonService;
import dev.convoy.server.people.ProfileChange;
import dev.convoy.server.people.Role;
import dev.convoy.server.people.Scope;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The identity RPCs of {@link AdminGrpcService} (issue 7): request → domain call → response. Thread-safe. */
final class IdentityAdminCalls {
  private final IdentityService identities;
  private final PersonService people;

  IdentityAdminCalls(IdentityService identities, PersonService people) {
    this.identities = identities;
    this.people = people;
  }

  IssueIdentityResponse issue(IssueIdentityRequest request) {
    IssuedIdentity issued = identities.issue(request.getName(), request.getCsrDer().toByteArray(),
        change(request.getRolesList(), request.hasScopes() ? request.getScopes() : null,
            request.hasEmail() ? request.getEmail() : null), actor(Principal.current()));
    return IssueIdentityResponse.newBuilder().setCertificatePem(issued.certificate().certificatePem())
        .setCaCertificatePem(issued.certificate().caCertificatePem())
        .setCertificateSerial(issued.certificate().serialHex())
        .setExpiresAt(timestamp(issued.certificate().notAfter())).setPerson(info(issued.person()))
        .setReissued(issued.reissued()).build();
  }

  ListIdentitiesResponse list() {
    ListIdentitiesResponse.Builder response = ListIdentitiesResponse.newBuilder();
    people.list().forEach(person -> response.addPersons(info(person)));
    return response.build();
  }

  PersonInfo set(SetIdentityRequest request) {
    return info(identities.set(request.getName(), change(request.getRolesList(),
        request.hasScopes() ? request.getScopes() : null, request.hasEmail() ? request.getEmail() : null),
        actor(Principal.current())));
  }

  /** The calling person as the domain sees them. */
  static Actor actor(Principal caller) {
    return new Actor(caller.name(), caller.subject(), new Scope(caller.scopes()));
  }

  private static ProfileChange change(List<String> roleLabels, ScopeSet scopes, String email) {
    return new ProfileChange(roleLabels.isEmpty() ? null : roles(roleLabels),
        scopes == null ? null : Set.copyOf(scopes.getGroupsList()), email);
  }

  /** Role labels as people type them: {@code release-manager}, {@code RELEASE_MANAGER}, {@code release_manager}. */
  static Set<Role> roles(List<String> labels) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String label : labels) {
      String normal = label.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      roles.add(Role.fromLabel(normal).orElseThrow(() -> ConvoyException.invalidArgument("roles: '" + label
          + "' (expected: one of " + Role.labels() + ")")));
    }
    return roles;
  }

  static PersonInfo info(Person person) {
    PersonInfo.Builder info = PersonInfo.newBuilder().setName(person.name()).setSubject(person.subject())
        .addAllRoles(person.roles().stream().map(Role::label).sorted().toList())
        .addAllScopes(person.scope().groups()).setEmail(person.email())
        .setCertificateCount(person.certificateSerials().size()).setRevoked(person.revoked())
        .setCreatedAt(timestamp(person.createdAt()));
    if (person.revokedAt() != null) {
      info.setRevokedAt(timestamp(person.revokedAt()));
    }
    return info.build();
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
