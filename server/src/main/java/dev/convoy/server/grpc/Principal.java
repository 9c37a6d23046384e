package dev.convoy.server.grpc;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.people.Role;
import io.grpc.Context;
import java.util.Set;

/**
 * Who is calling, as the {@link AuthInterceptor} established it from the TLS client certificate and the server's
 * records; services read it from the gRPC {@link Context}.
 *
 * @param name the endpoint id or person name; empty for anonymous callers
 * @param subject the certificate subject; empty for anonymous callers
 * @param scopes the groups a person's roles are limited to; empty = no limit (and for endpoints, anonymous)
 * @param validUntil when the presented certificate expires (long-lived streams are ended then); null for anonymous
 */
public record Principal(Kind kind, String name, String subject, Set<Role> roles, Set<String> scopes,
    java.time.Instant validUntil) {
  public enum Kind { ANONYMOUS, ENDPOINT, PERSON }

  static final Context.Key<Principal> CONTEXT_KEY = Context.key("convoy-principal");
  static final Principal ANONYMOUS = new Principal(Kind.ANONYMOUS, "", "", Set.of(), Set.of(), null);

  public Principal {
    roles = Set.copyOf(roles);
    scopes = Set.copyOf(scopes);
  }

  /**
   * The caller of the current call.
   *
   * @throws ConvoyException UNAUTHENTICATED if the interceptor did not run (a wiring error)
   */
  static Principal current() {
    Principal principal = CONTEXT_KEY.get();
    if (principal == null) {
      throw new ConvoyException(ErrorCode.UNAUTHENTICATED, "no authenticated caller");
    }
    return principal;
  }

  /** The calling endpoint's id. @throws ConvoyException PERMISSION_DENIED if the caller is not an endpoint */
  static String currentEndpointId() {
    Principal principal = current();
    if (principal.kind() != Kind.ENDPOINT) {
      throw ConvoyException.permissionDenied("caller is not an endpoint");
    }
    return principal.name();
  }
}
