package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.EnrollmentServiceGrpc;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.people.Permission;
import dev.convoy.server.people.Person;
import dev.convoy.server.people.PersonService;
import dev.convoy.server.people.Role;
import dev.convoy.server.pki.CertificatePolicy;
import dev.convoy.server.pki.CertificateSubject;
import dev.convoy.transport.PeerCertificate;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.health.v1.HealthGrpc;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, per call, who the caller is and whether it may use the service (docs/runtime-layout.md "One port").
 * TLS has already checked that a presented certificate chains to the CA; this adds the server's records:
 * <ul>
 *   <li>Enrollment and health: anyone, certificate or not.</li>
 *   <li>AgentService: a current (not expired, per the injected clock) endpoint certificate of an enrolled, not
 *       revoked endpoint, with the serial the server issued it.</li>
 *   <li>AdminService and reflection: a current person certificate of a known, not revoked person, with a serial
 *       the server issued to that person, one of whose roles grants the permission {@link MethodPermissions} lists
 *       for the method (a method without a row: nobody).</li>
 *   <li>Any other service: refused (default deny).</li>
 * </ul>
 * No certificate where one is needed: UNAUTHENTICATED "client certificate required"; otherwise PERMISSION_DENIED.
 * The established {@link Principal} is put in the call's {@link Context}. This decides at call start only; the
 * {@link StreamGuard} ends long-lived streams whose caller was revoked or whose certificate expired since.
 * Thread-safe.
 */
public final class AuthInterceptor implements ServerInterceptor {
  private static final Logger logger = LoggerFactory.getLogger(AuthInterceptor.class);

  private enum Access { PUBLIC, ENDPOINT, ADMIN }

  private static final Map<String, Access> RULES = Map.of(
      EnrollmentServiceGrpc.SERVICE_NAME, Access.PUBLIC,
      HealthGrpc.SERVICE_NAME, Access.PUBLIC,
      AgentServiceGrpc.SERVICE_NAME, Access.ENDPOINT,
      AdminServiceGrpc.SERVICE_NAME, Access.ADMIN,
      io.grpc.reflection.v1.ServerReflectionGrpc.SERVICE_NAME, Access.ADMIN,
      io.grpc.reflection.v1alpha.ServerReflectionGrpc.SERVICE_NAME, Access.ADMIN);

  /** The TLS session value holding the connection's {@link Caller}. */
  private static final String CALLER_KEY = "dev.convoy.server.caller";

  private final EndpointService endpoints;
  private final PersonService people;
  private final Clock clock;

  public AuthInterceptor(EndpointService endpoints, PersonService people, Clock clock) {
    this.endpoints = endpoints;
    this.people = people;
    this.clock = clock;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String service = call.getMethodDescriptor().getServiceName();
    Principal principal;
    try {
      principal = authorize(service, call.getMethodDescriptor().getFullMethodName(), caller(call));
    } catch (RuntimeException e) {
      logger.warn("call refused method={} peer={} reason={}", call.getMethodDescriptor().getFullMethodName(),
          call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR), e.getMessage());
      call.close(StatusMapper.toStatus(e), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    Context context = Context.current().withValue(Principal.CONTEXT_KEY, principal);
    return Contexts.interceptCall(context, call, headers, next);
  }

  private Principal authorize(String service, String method, Optional<Caller> caller) {
    Access access = RULES.get(service);
    if (access == null) {
      throw ConvoyException.permissionDenied("service " + service + " is not open to callers");
    }
    return switch (access) {
      case PUBLIC -> Principal.ANONYMOUS;
      case ENDPOINT -> endpoint(subjectOf(caller, CertificateSubject.Kind.ENDPOINT, service), caller.get());
      case ADMIN -> person(subjectOf(caller, CertificateSubject.Kind.PERSON, service), caller.get(), method);
    };
  }

  private CertificateSubject subjectOf(Optional<Caller> caller, CertificateSubject.Kind kind, String service) {
    PeerCertificate cert = caller.orElseThrow(
        () -> new ConvoyException(ErrorCode.UNAUTHENTICATED, "client certificate required")).certificate();
    Instant now = clock.instant();
    if (now.isAfter(cert.notAfter())) {
      throw new ConvoyException(ErrorCode.UNAUTHENTICATED, "client certificate expired at " + cert.notAfter());
    }
    if (now.isBefore(cert.notBefore())) {
      throw new ConvoyException(ErrorCode.UNAUTHENTICATED, "client certificate not valid before " + cert.notBefore());
    }
    return caller.get().subject()
        .filter(s -> s.kind() == kind)
        .orElseThrow(() -> ConvoyException.permissionDenied(service + " needs "
            + (kind == CertificateSubject.Kind.ENDPOINT ? "an endpoint" : "a person") + " certificate (presented: "
            + cert.subject() + ")"));
  }

  private Principal endpoint(CertificateSubject subject, Caller caller) {
    Endpoint endpoint = endpoints.find(subject.name())
        .orElseThrow(() -> ConvoyException.permissionDenied("endpoint " + subject.name() + " is not enrolled"));
    if (endpoint.revoked()) {
      throw ConvoyException.permissionDenied("endpoint " + subject.name() + " is revoked");
    }
    String serial = caller.certificate().serialHex();
    if (!serial.equals(endpoint.certificateSerial())) {
      throw ConvoyException.permissionDenied("certificate " + serial + " is not the current certificate of endpoint "
          + subject.name());
    }
    return new Principal(Principal.Kind.ENDPOINT, subject.name(), caller.certificate().subject(),
        Set.of(), Set.of(), caller.certificate().notAfter());
  }

  private Principal person(CertificateSubject subject, Caller caller, String method) {
    Person person = people.find(subject.name())
        .orElseThrow(() -> ConvoyException.permissionDenied("person " + subject.name() + " is not known"));
    if (person.revoked()) {
      throw ConvoyException.permissionDenied("person " + subject.name() + " is revoked");
    }
    String serial = caller.certificate().serialHex();
    if (!person.acceptsCertificate(serial)) {
      throw ConvoyException.permissionDenied("certificate " + serial + " is not a current certificate of person "
          + subject.name());
    }
    MethodPermissions.Need need = MethodPermissions.needed(method)
        .orElseThrow(() -> ConvoyException.permissionDenied(method + " is not open to persons"));
    if (!need.anyPerson() && need.anyOf().stream().noneMatch(person::may)) {
      throw ConvoyException.permissionDenied("person " + subject.name() + " (roles: " + rolesOf(person)
          + ") may not call " + shortName(method) + " (needs permission " + need.label()
          + ", granted by: " + grantingRoles(need) + ")");
    }
    return new Principal(Principal.Kind.PERSON, person.name(), caller.certificate().subject(),
        person.roles(), person.scopes(), caller.certificate().notAfter());
  }

  private static String rolesOf(Person person) {
    return person.roles().isEmpty() ? "none"
        : person.roles().stream().map(Role::label).sorted().collect(Collectors.joining(","));
  }

  private static String grantingRoles(MethodPermissions.Need need) {
    return Arrays.stream(Role.values()).filter(r -> need.anyOf().stream().anyMatch(r::grants)).map(Role::label)
        .collect(Collectors.joining(", "));
  }

  private static String shortName(String method) {
    return method.substring(method.lastIndexOf('/') + 1);
  }

  /**
   * The caller's verified certificate and what its subject names, worked out once per TLS session (a connection)
   * and kept in it: every call on the connection after the first reads them back. What changes between calls (the
   * time, the stored records: revocation, the current serial) is checked per call all the same.
   */
  private static Optional<Caller> caller(ServerCall<?, ?> call) {
    SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
    if (session == null) {
      return Optional.empty();
    }
    if (session.getValue(CALLER_KEY) instanceof Caller known) {
      return Optional.of(known);
    }
    Optional<Caller> caller = PeerCertificate.of(session).map(certificate -> new Caller(certificate,
        CertificatePolicy.classify(new X500Principal(certificate.subject()))));
    caller.ifPresent(found -> session.putValue(CALLER_KEY, found));
    return caller;
  }

  /** A connection's client certificate and whom it names (empty: neither an endpoint nor a person). */
  private record Caller(PeerCertificate certificate, Optional<CertificateSubject> subject) {}
}
